package org.prakerja.registration;

import java.util.UUID;

sealed interface RegistrationResult {

    record Registered(UUID participantId) implements RegistrationResult {
    }

    record Refused(RegistrationRefusal reason) implements RegistrationResult {
    }
}
