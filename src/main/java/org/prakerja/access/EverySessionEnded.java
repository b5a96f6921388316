package org.prakerja.access;

import java.util.UUID;

/**
 * Every session of an account was ended (R-82: its password was reset). Published in the
 * transaction that ended the account's bearer tokens; a session store of another kind (the web
 * portal's Spring Session JDBC store, whose sessions are indexed by principal name, the email)
 * listens with a plain {@code @EventListener} and deletes that principal's sessions in the same
 * transaction, so no session outlives the reset.
 */
public record EverySessionEnded(UUID accountId, String email) {

    @Override
    public String toString() {
        return "EverySessionEnded[" + accountId + "]";
    }
}
