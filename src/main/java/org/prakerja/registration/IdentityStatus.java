package org.prakerja.registration;

/**
 * Whether the civil registry confirmed who a participant says they are, the one table of its moves:
 * VERIFIED at registration when the registry answered a match; AWAITING when it could not be asked
 * (down, slow, breaker open), until the identity-recheck job asks again and moves it, once, to
 * VERIFIED or REJECTED. Selection takes only VERIFIED people (Ineligibility.IDENTITY_NOT_VERIFIED).
 */
public enum IdentityStatus {
    AWAITING, VERIFIED, REJECTED;

    boolean canMoveTo(IdentityStatus next) {
        return this == AWAITING && (next == VERIFIED || next == REJECTED);
    }

    /** This status as an SQL string literal. */
    public String sql() {
        return "'" + name() + "'";
    }
}
