package org.prakerja.job;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/** A job as GET /api/v1/ops/jobs/{id} shows it. */
public record JobView(UUID jobId, String kind, JobState state, long done, long total, Instant startedAt,
        @Nullable Instant finishedAt, @Nullable String error) {
}
