package org.prakerja.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.prakerja.common.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ops/jobs")
@Tag(name = "Operator: jobs")
class JobController {

    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    /** 404 JOB_NOT_FOUND, answered by this controller's handler below. */
    static final class NoSuchJob extends RuntimeException {
        NoSuchJob(String detail) {
            super(detail, null, false, false);
        }
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "A job's state and progress", description = "Errors: 404 JOB_NOT_FOUND")
    JobView job(@PathVariable UUID jobId) {
        return jobs.find(jobId).orElseThrow(() -> new NoSuchJob("no job has that id"));
    }

    @PostMapping("/{kind}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Run a scheduled job now",
            description = "kind: deadline-enforcement, deadline-reminders, outbox-relay. Errors: 404 JOB_NOT_FOUND")
    JobStarted runNow(@PathVariable String kind) {
        return jobs.runNow(kind).map(JobStarted::new).orElseThrow(() ->
                new NoSuchJob("no job of kind " + kind.replaceAll("[^a-z-]", "") + " exists here"));
    }

    @ExceptionHandler(NoSuchJob.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchJob e) {
        return Problems.of("JOB_NOT_FOUND", e.getMessage());
    }
}
