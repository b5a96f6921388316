package org.prakerja.web;

import jakarta.annotation.Nullable;

/** What a person typed in a form's text field: without surrounding spaces, and empty when it was not sent. */
public final class FormText {

    private FormText() {
    }

    public static String of(@Nullable String typed) {
        return typed == null ? "" : typed.strip();
    }
}
