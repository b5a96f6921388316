package org.prakerja.access;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why signing in was refused. */
enum AccessRefusal implements Refusal {
    BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED, "email or password is wrong");

    private final HttpStatus status;
    private final String detail;

    AccessRefusal(HttpStatus status, String detail) {
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
