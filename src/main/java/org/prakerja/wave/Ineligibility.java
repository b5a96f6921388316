package org.prakerja.wave;

/**
 * R-13 why a person cannot receive the card. Selection counts its exclusions by these names too;
 * the words a participant reads are {@code ineligibility.<NAME>} in the message bundles.
 */
public enum Ineligibility {
    UNDER_AGE,
    /** above the scheme's maximum age (R-25: 64 in NORMAL_2023) */
    OVER_AGE,
    IN_SCHOOL,
    CIVIL_SERVANT,
    SECURITY_FORCES,
    VILLAGE_OFFICIAL,
    LEGISLATOR,
    PREVIOUS_RECIPIENT,
    FAMILY_CAP,
    DUPLICATE_NIK,
    /**
     * the civil registry has not confirmed the person's identity: still AWAITING its answer (may join,
     * is not selected) or REJECTED (may not join)
     */
    IDENTITY_NOT_VERIFIED
}
