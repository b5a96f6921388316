package org.prakerja.notification;

import jakarta.annotation.Nullable;
import java.time.Instant;

/** What a gateway delivered; the sandbox inbox shows these. */
public record SentMessage(String channel, String to, @Nullable String subject, String body, Instant sentAt) {
}
