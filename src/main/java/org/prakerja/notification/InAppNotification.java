package org.prakerja.notification;

import java.time.Instant;

/** A line on the participant's dashboard, its text in the reader's language. */
public record InAppNotification(long id, String kind, String text, Instant createdAt, boolean read) {
}
