package org.prakerja.registration;

import java.time.LocalDate;

/** Port to the civil registry (Dukcapil): does this NIK belong to this person? */
interface CivilRegistry {

    enum Verdict { MATCH, NOT_FOUND, MISMATCH }

    Verdict check(Nik nik, String fullName, LocalDate birthDate);
}
