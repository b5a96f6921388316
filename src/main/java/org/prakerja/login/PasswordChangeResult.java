package org.prakerja.login;

import java.time.Duration;

/** How a signed-in person's password change ended ({@link Credentials#changePassword}). */
public sealed interface PasswordChangeResult {

    record Changed() implements PasswordChangeResult {
    }

    /** The current password given was not the account's. */
    record WrongPassword() implements PasswordChangeResult {
    }

    /** Too many wrong current passwords lately: not checked at all, for {@code retryAfter}. */
    record Locked(Duration retryAfter) implements PasswordChangeResult {

        /** Whole minutes, rounded up, at least one: what the form says. */
        public long minutes() {
            return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        }
    }
}
