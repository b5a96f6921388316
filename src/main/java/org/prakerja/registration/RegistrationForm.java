package org.prakerja.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.prakerja.common.Masking;

/** R-10 every field of an account, as POST /api/v1/registrations takes them. */
record RegistrationForm(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = "^(\\+62|62|0)8[0-9]{7,12}$", message = "must be an Indonesian mobile number, e.g. 081234567890")
        String phone,
        @NotNull @Size(min = 8, max = 128) String password,
        @NotNull @Pattern(regexp = "^[0-9]{16}$", message = "must be 16 digits") String nik,
        @NotNull @Pattern(regexp = "^[0-9]{16}$", message = "must be 16 digits") String kkNumber,
        @NotBlank @Size(min = 2, max = 100) @Pattern(regexp = "^[\\p{L} .'-]+$", message = "must be letters") String fullName,
        @NotNull @Past LocalDate birthDate,
        @NotNull Gender gender,
        @NotBlank @Size(max = 60) String province,
        @NotBlank @Size(max = 60) String city,
        @NotNull Education education,
        @NotNull EmploymentStatus employmentStatus,
        @NotNull @Valid DeclarationsForm declarations) {

    public record DeclarationsForm(@NotNull Boolean inSchool, @NotNull Boolean civilServant,
            @NotNull Boolean securityForces, @NotNull Boolean villageOfficial, @NotNull Boolean legislator) {
    }

    /** +62 form, so one phone is one phone however it was typed. */
    String normalizedPhone() {
        if (phone.startsWith("+62")) {
            return phone;
        }
        if (phone.startsWith("62")) {
            return "+" + phone;
        }
        return "+62" + phone.substring(1);
    }

    @Override
    public String toString() {
        return "RegistrationForm[email=" + Masking.email(email) + ", nik=" + Masking.lastFour(nik) + ", password=****]";
    }
}
