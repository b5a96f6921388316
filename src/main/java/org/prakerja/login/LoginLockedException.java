package org.prakerja.login;

import org.springframework.security.core.AuthenticationException;

/** the account's login is locked after too many wrong passwords; the page says for how long. */
final class LoginLockedException extends AuthenticationException {

    private final long minutesLeft;

    LoginLockedException(long minutesLeft) {
        super("login locked");
        this.minutesLeft = minutesLeft;
    }

    long minutesLeft() {
        return minutesLeft;
    }
}
