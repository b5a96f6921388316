package org.prakerja.common;

/**
 * Input that is malformed in a way Bean Validation cannot see (a NIK whose birth date disagrees,
 * a page size out of range). Always answered with 400 {@code VALIDATION_FAILED} naming the field.
 */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
