package org.prakerja.registration;

import java.util.UUID;

public sealed interface RegistrationResult {

    record Registered(UUID participantId) implements RegistrationResult {
    }

    record Refused(RegistrationRefusal reason) implements RegistrationResult {
    }
}
