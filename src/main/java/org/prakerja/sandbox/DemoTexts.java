package org.prakerja.sandbox;

import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The demo pages' texts in the reader's language, and the idempotency keys of their forms. */
@Component
@Profile("sandbox")
class DemoTexts {

    private final MessageSource messages;

    DemoTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A partner API refusal as the person reads it: each code has its text, an unknown one names its code. */
    String refusal(String code) {
        String known = messages.getMessage("sandbox.refusal." + code, null, null, LocaleContextHolder.getLocale());
        return known != null ? known : text("sandbox.refusal.other", code);
    }

    /**
     * The X-External-Id of one action of a person: put in the form when it is shown, so sending
     * the same form twice (a double click, a reload) is the same request, answered once.
     */
    static String freshKey() {
        return UUID.randomUUID().toString();
    }

    /** The form's key, or a fresh one when the form came without a usable one. */
    static String keyOf(String fromForm) {
        if (fromForm != null) {
            try {
                return UUID.fromString(fromForm).toString();
            } catch (IllegalArgumentException notAKey) {
                // a fresh key below
            }
        }
        return freshKey();
    }
}
