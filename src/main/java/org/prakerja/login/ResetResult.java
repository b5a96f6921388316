package org.prakerja.login;

/** How setting a new password with a reset link ended. */
sealed interface ResetResult {

    /** The password is changed, the link used up, every session of the account ended. */
    record Done() implements ResetResult {
    }

    /** The link is unknown, used or expired (410 RESET_TOKEN_INVALID); nothing changed. */
    record TokenInvalid() implements ResetResult {
    }

    /** The new password is refused by {@link PasswordPolicy}, for this {@code reason}; the link still works. */
    record PasswordRefused(PasswordPolicy.Weakness weakness) implements ResetResult {

        public String reason() {
            return weakness.reason();
        }
    }
}
