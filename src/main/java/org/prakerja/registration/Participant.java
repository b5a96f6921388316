package org.prakerja.registration;

import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.prakerja.common.Masking;

/** A registered participant, as other modules see one. */
public record Participant(
        UUID id,
        String email,
        String phone,
        String fullName,
        LocalDate birthDate,
        Gender gender,
        EmploymentStatus employmentStatus,
        byte[] nikHash,
        byte[] kkHash,
        Declarations declarations,
        boolean emailVerified,
        boolean phoneVerified,
        boolean basicTestPassed,
        IdentityStatus identity) {

    /** R-13 the status items the registrant declares. */
    public record Declarations(boolean inSchool, boolean civilServant, boolean securityForces,
            boolean villageOfficial, boolean legislator) {
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    @Override
    public String toString() {
        return "Participant[id=" + id + ", email=" + Masking.email(email) + "]";
    }
}
