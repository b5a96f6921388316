package org.prakerja.registration;

import java.time.LocalDate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Stand-in for the civil registry, which is outside. It answers like the real one for the cases a
 * demo or test needs: a NIK whose serial is 9999 is unknown, a name of "Tidak Cocok" mismatches,
 * everything else matches. It runs only where {@code common/OutsideSystems} puts a stand-in.
 */
@Component
@ConditionalOnProperty(name = "prakerja.adapters.civil-registry", havingValue = "stand-in")
class LocalCivilRegistry implements CivilRegistry {

    /** Demo data a tester types (docs/api.md), not a text anyone is shown. */
    static final String MISMATCHING_NAME = "Tidak Cocok";

    @Override
    public Verdict check(Nik nik, String fullName, LocalDate birthDate) {
        if (nik.value().endsWith("9999")) {
            return Verdict.NOT_FOUND;
        }
        if (fullName.equalsIgnoreCase(MISMATCHING_NAME)) {
            return Verdict.MISMATCH;
        }
        return Verdict.MATCH;
    }
}
