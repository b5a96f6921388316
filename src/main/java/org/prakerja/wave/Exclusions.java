package org.prakerja.wave;

import java.time.LocalDate;
import java.util.Optional;
import org.prakerja.scheme.Scheme;

/**
 * R-13's exclusions that the platform checks from its own records, one definition for the check
 * when a person joins a wave ({@link Applications}: one person, today) and for the wave's selection
 * ({@link Selection}: every applicant, on the day the wave closed). The personal declarations are
 * checked at joining only; selection adds the duplicate NIK, which joining cannot see.
 */
final class Exclusions {

    /**
     * The SQL condition of an application that made its person a recipient: selected in a wave. The
     * program is once in a lifetime per NIK, and a family card has at most the family cap of them.
     */
    static final String RECIPIENT = "status = " + ApplicationStatus.SELECTED.sql();

    private Exclusions() {
    }

    /**
     * R-13 with R-25: the age range of the wave's scheme on {@code day}, as birth dates. Born after
     * {@code adultBornBy}: younger than the scheme's minimum age. Born on or before
     * {@code overAgeBornBy}: older than its maximum (maxAge + 1 birthdays by the day); a scheme
     * without a maximum puts it at year 1, before anyone was born.
     */
    record AgeBounds(LocalDate adultBornBy, LocalDate overAgeBornBy) {

        static AgeBounds on(LocalDate day, Scheme scheme) {
            return new AgeBounds(day.minusYears(scheme.minAge()),
                    scheme.maxAge() == null ? LocalDate.of(1, 1, 1) : day.minusYears(scheme.maxAge() + 1L));
        }

        Optional<Ineligibility> of(LocalDate birthDate) {
            if (birthDate.isAfter(adultBornBy)) {
                return Optional.of(Ineligibility.UNDER_AGE);
            }
            if (!birthDate.isAfter(overAgeBornBy)) {
                return Optional.of(Ineligibility.OVER_AGE);
            }
            return Optional.empty();
        }
    }
}
