package org.prakerja.registration;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a registration or a verification code was refused (R-10..R-12). */
public enum RegistrationRefusal implements Refusal {
    EMAIL_ALREADY_REGISTERED(HttpStatus.CONFLICT, "an account with this email exists"),
    PHONE_ALREADY_REGISTERED(HttpStatus.CONFLICT, "an account with this phone number exists"),
    NIK_ALREADY_REGISTERED(HttpStatus.CONFLICT, "this NIK is registered already (one account per NIK)"),
    IDENTITY_NOT_VERIFIED(HttpStatus.UNPROCESSABLE_CONTENT, "the civil registry does not confirm this NIK with this name"),
    PARTICIPANT_NOT_FOUND(HttpStatus.NOT_FOUND, "participant not found"),
    CODE_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "code invalid"),
    CODE_EXPIRED(HttpStatus.UNPROCESSABLE_CONTENT, "code expired"),
    CODE_LOCKED(HttpStatus.TOO_MANY_REQUESTS, "code locked");

    private final HttpStatus status;
    private final String detail;

    RegistrationRefusal(HttpStatus status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String detail() {
        return detail;
    }
}
