package org.prakerja.job;

import java.util.UUID;

/** 202 answer of the requests that start a job: where to follow it, GET /api/v1/ops/jobs/{jobId}. */
public record JobStarted(UUID jobId) {
}
