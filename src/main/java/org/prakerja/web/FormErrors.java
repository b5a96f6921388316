package org.prakerja.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What was wrong with a form a person sent, field by field, in their language: the page re-shows
 * the form with these in a summary at the top (each linking to its field) and beside each field.
 */
public final class FormErrors {

    /** One field's problem; {@code field} is the form field's name, which is also the input's id. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors = new ArrayList<>();

    public FormErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** The first message for the field, or null: the template shows it beside the field. */
    public String of(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
    }

    public List<FieldError> all() {
        return Collections.unmodifiableList(errors);
    }
}
