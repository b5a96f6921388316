package org.prakerja.registration;

import java.time.LocalDate;

/** Port to the civil registry (Dukcapil): does this NIK belong to this person? */
interface CivilRegistry {

    /**
     * The registry's answer; UNAVAILABLE when it could not be asked (time-out, an error answer, the
     * circuit breaker open), which is no answer about the person.
     */
    enum Verdict { MATCH, NOT_FOUND, MISMATCH, UNAVAILABLE }

    Verdict check(Nik nik, String fullName, LocalDate birthDate);
}
