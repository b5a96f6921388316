package org.prakerja.login;

import java.util.UUID;

/**
 * Every session of an account was ended (R-82: its password was reset). Published in the
 * transaction that ended the account's bearer tokens; the web portal's session store
 * ({@link WebSessions}) listens with a plain {@code @EventListener} and deletes that account's
 * sessions in the same transaction, so no session outlives the reset.
 */
record EverySessionEnded(UUID accountId, String email) {

    @Override
    public String toString() {
        return "EverySessionEnded[" + accountId + "]";
    }
}
