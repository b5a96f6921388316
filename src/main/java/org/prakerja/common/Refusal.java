package org.prakerja.common;

/**
 * A business outcome that says no, with the stable upper-case code of API.md. Reason enums of the
 * modules implement it; the web layer turns it into a problem response in one place.
 */
public interface Refusal {

    String code();

    default String detail() {
        return code().replace('_', ' ').toLowerCase();
    }
}
