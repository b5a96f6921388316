package org.prakerja.login;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why signing in or resetting a password was refused. */
enum LoginRefusal implements Refusal {
    BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED, "email or password is wrong"),
    /** R-83; the problem says when to try again ({@code retryAfter}, seconds) and so does Retry-After. */
    LOGIN_LOCKED(HttpStatus.TOO_MANY_REQUESTS, "too many wrong passwords: this login is locked for a while"),
    /** unknown, used or expired; which of them is not said. */
    RESET_TOKEN_INVALID(HttpStatus.GONE, "this password reset link is not valid (any more): ask for a new one");

    private final HttpStatus status;
    private final String detail;

    LoginRefusal(HttpStatus status, String detail) {
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
