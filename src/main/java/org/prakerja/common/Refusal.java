package org.prakerja.common;

/**
 * A business outcome that says no, with the stable upper-case code of API.md. Reason enums of the
 * modules implement it (an enum constant's name is its code); the web layer turns it into a
 * problem response in one place.
 */
public interface Refusal {

    /** The API.md code, e.g. {@code INSUFFICIENT_BALANCE}; for an enum, the constant's name. */
    String name();

    default String code() {
        return name();
    }

    default String detail() {
        return code().replace('_', ' ').toLowerCase();
    }
}
