package org.prakerja.login;

import java.time.Instant;

/** A bearer token, shown once to the caller; only its hash is stored. */
record IssuedSession(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedSession[token=****, expiresAt=" + expiresAt + "]";
    }
}
