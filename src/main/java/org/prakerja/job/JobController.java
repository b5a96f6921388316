package org.prakerja.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.prakerja.audit.Accountable;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    private final JobRuns runs;

    JobController(Jobs jobs, JobRuns runs) {
        this.jobs = jobs;
        this.runs = runs;
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "A job's state and progress")
    @Refuses(JobRefusal.class)
    JobView job(@PathVariable UUID jobId) {
        return jobs.find(jobId).orElseThrow(() -> new RefusedException(JobRefusal.JOB_NOT_FOUND, "no job has that id"));
    }

    /** R-84 an operator's run is recorded with the job's row, in one transaction. */
    @PostMapping("/{kind}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Run a scheduled job now",
            description = "kind: deadline-enforcement, deadline-reminders, outbox-relay")
    @Refuses(JobRefusal.class)
    JobStarted runNow(@PathVariable String kind, @AuthenticationPrincipal Accountable operator) {
        return runs.runNow(kind, operator.asActor()).map(JobStarted::new).orElseThrow(() ->
                new RefusedException(JobRefusal.JOB_NOT_FOUND,
                        "no job of kind " + kind.replaceAll("[^a-z-]", "") + " exists here"));
    }
}
