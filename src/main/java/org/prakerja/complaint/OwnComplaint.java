package org.prakerja.complaint;

import java.time.Instant;

/** A complaint in its filer's list: what it is about, where it stands, when it last moved. */
record OwnComplaint(String ticket, ComplaintCategory category, String title, ComplaintStatus status,
        Instant createdAt, Instant updatedAt) {
}
