package org.prakerja.registration;

import java.util.UUID;
import org.prakerja.common.Refusal;

public sealed interface RegistrationResult {

    record Registered(UUID participantId) implements RegistrationResult {
    }

    record Refused(Reason reason) implements RegistrationResult {
    }

    enum Reason implements Refusal {
        EMAIL_ALREADY_REGISTERED, PHONE_ALREADY_REGISTERED, NIK_ALREADY_REGISTERED, IDENTITY_NOT_VERIFIED;

        @Override
        public String detail() {
            return switch (this) {
                case EMAIL_ALREADY_REGISTERED -> "an account with this email exists";
                case PHONE_ALREADY_REGISTERED -> "an account with this phone number exists";
                case NIK_ALREADY_REGISTERED -> "this NIK is registered already (one account per NIK)";
                case IDENTITY_NOT_VERIFIED -> "the civil registry does not confirm this NIK with this name";
            };
        }
    }
}
