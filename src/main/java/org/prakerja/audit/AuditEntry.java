package org.prakerja.audit;

import jakarta.annotation.Nullable;
import java.time.Instant;

/** One line of the audit trail, as docs/api.md shapes it: {@code {at, actor, role, action, target, detail}}. */
record AuditEntry(long id, Instant at, String actor, @Nullable String role, String action,
        @Nullable String target, @Nullable String detail) {
}
