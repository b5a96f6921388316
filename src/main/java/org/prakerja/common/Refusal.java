package org.prakerja.common;

import org.springframework.http.HttpStatus;

/**
 * A business outcome that says no, with the stable upper-case code of docs/api.md and the HTTP status
 * the module that owns the code chose for it ("409 unless said"). Each module's refusals are an
 * enum implementing this (an enum constant's name is its code), returned inside a sealed result;
 * the web layer turns one into a problem response in one place.
 */
public interface Refusal {

    /** The docs/api.md code, e.g. {@code INSUFFICIENT_BALANCE}; for an enum, the constant's name. */
    String name();

    default String code() {
        return name();
    }

    /** The HTTP status docs/api.md gives the code. */
    HttpStatus status();

    default String detail() {
        return code().replace('_', ' ').toLowerCase();
    }
}
