package org.prakerja.audit;

import jakarta.annotation.Nullable;
import java.time.Instant;

/** What the auditor looks for; every member optional. {@code actor} matches the name case-insensitively. */
record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable Instant from, @Nullable Instant to) {
}
