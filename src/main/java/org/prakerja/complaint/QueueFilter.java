package org.prakerja.complaint;

import jakarta.annotation.Nullable;

/** Which complaints the queue shows; each member optional. */
record QueueFilter(@Nullable ComplaintStatus status, @Nullable ComplaintCategory category,
        @Nullable Boolean overdue) {
}
