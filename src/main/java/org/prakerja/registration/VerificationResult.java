package org.prakerja.registration;

sealed interface VerificationResult {

    record Verified(boolean emailVerified, boolean phoneVerified) implements VerificationResult {
    }

    record Refused(RegistrationRefusal reason) implements VerificationResult {
    }
}
