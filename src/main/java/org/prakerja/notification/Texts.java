package org.prakerja.notification;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The participant-facing texts of messages_*.properties, with their arguments (MessageFormat). */
@Component
class Texts {

    /**
     * No language is stored for a participant yet, so SMS and email are written in the program's
     * language, Indonesian; in-app notices follow the reader's {@code Accept-Language}.
     */
    static final Locale PARTICIPANT_LANGUAGE = Locale.forLanguageTag("id");

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    String render(String key, List<String> args, Locale locale) {
        return messages.getMessage(key, args.toArray(), locale);
    }

    /** For texts written before notices were stored as kind and arguments, or of an unknown kind. */
    String renderOr(String key, List<String> args, Locale locale, String fallback) {
        return messages.getMessage(key, args.toArray(), fallback, locale);
    }
}
