package org.prakerja.job;

import java.time.Instant;
import java.util.UUID;

/** A job as GET /api/v1/ops/jobs/{id} shows it. */
public record JobView(UUID jobId, String kind, String state, long done, long total, Instant startedAt,
        Instant finishedAt, String error) {
}
