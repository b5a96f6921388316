package org.prakerja.login;

import java.time.Duration;
import java.util.UUID;

/**
 * How a login attempt ended. The bearer-token API and the web portal's form login both get
 * one from {@link Credentials#authenticate}; only the API then issues a token.
 */
sealed interface LoginResult {

    /** The password was right and the login is not locked; {@code accountId} identifies the credential. */
    record Authenticated(UUID accountId, CurrentUser user) implements LoginResult {
    }

    /** Email or password wrong; which of the two is not said. */
    record BadCredentials() implements LoginResult {
    }

    /** Too many wrong passwords lately: no login, not even with the right password, for {@code retryAfter}. */
    record Locked(Duration retryAfter) implements LoginResult {

        /** Whole seconds, rounded up, at least one: what Retry-After says. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
