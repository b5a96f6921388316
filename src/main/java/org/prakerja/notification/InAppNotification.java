package org.prakerja.notification;

import java.time.Instant;

/** A line on the participant's dashboard. */
public record InAppNotification(long id, String kind, String text, Instant createdAt, boolean read) {
}
