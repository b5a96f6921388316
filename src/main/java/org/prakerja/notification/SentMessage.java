package org.prakerja.notification;

import java.time.Instant;

/** What a gateway delivered; the sandbox inbox shows these. */
public record SentMessage(String channel, String to, String subject, String body, Instant sentAt) {
}
