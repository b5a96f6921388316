package org.prakerja.notification;

import java.util.List;

/**
 * An in-app notice as it is stored: its kind and its arguments. It is rendered in the reader's
 * language from the bundle text {@code notice.<kind>}.
 */
public record Notice(String kind, List<String> args) {

    public Notice {
        args = List.copyOf(args);
    }

    /** Arguments are shown as given ({@code String.valueOf}). */
    public static Notice of(String kind, Object... args) {
        return new Notice(kind, Message.strings(args));
    }
}
