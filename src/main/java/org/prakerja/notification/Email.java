package org.prakerja.notification;

import org.prakerja.common.Masking;

/**
 * An email as the gateway sends it: a plain-text and an HTML version of the same text.
 * {@code messageId} is the outbox id, which a provider may use to drop a message it got before.
 */
record Email(long messageId, String to, String subject, String text, String html) {

    // the text may hold a code, the address is personal data
    @Override
    public String toString() {
        return "Email[" + messageId + " to=" + Masking.email(to) + "]";
    }
}
