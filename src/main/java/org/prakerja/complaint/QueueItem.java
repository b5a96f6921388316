package org.prakerja.complaint;

import java.time.Instant;

/** A line of the operators' complaint queue (R-85: overdue ones first). */
record QueueItem(String ticket, ComplaintCategory category, String title, ComplaintStatus status, String filer,
        Instant createdAt, Instant updatedAt, boolean overdue) {
}
