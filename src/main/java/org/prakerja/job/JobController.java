package org.prakerja.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.prakerja.common.web.RefusedException;
import org.prakerja.common.web.Refuses;
import org.springframework.http.HttpStatus;
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
    private final Map<String, JobDefinition> definitions;

    JobController(Jobs jobs, List<JobDefinition> definitions) {
        this.jobs = jobs;
        this.definitions = definitions.stream().collect(Collectors.toMap(JobDefinition::kind, Function.identity()));
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "A job's state and progress")
    @Refuses(JobRefusal.class)
    JobView job(@PathVariable UUID jobId) {
        return jobs.find(jobId).orElseThrow(() -> new RefusedException(JobRefusal.JOB_NOT_FOUND, "no job has that id"));
    }

    /** A job started: follow it at GET /api/v1/ops/jobs/{jobId}. */
    record JobStarted(UUID jobId) {
    }

    @PostMapping("/{kind}")
    @Operation(summary = "Run a scheduled job now",
            description = "kind: deadline-enforcement, deadline-reminders, outbox-relay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Refuses(JobRefusal.class)
    JobStarted runNow(@PathVariable String kind) {
        var definition = definitions.get(kind);
        if (definition == null) {
            throw new RefusedException(JobRefusal.JOB_NOT_FOUND,
                    "no job of kind " + kind.replaceAll("[^a-z-]", "") + " exists here");
        }
        return new JobStarted(jobs.start(kind, definition::run));
    }
}
