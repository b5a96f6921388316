package org.prakerja.job;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.prakerja.common.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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
    @Operation(summary = "A job's state and progress", description = "Errors: 404 JOB_NOT_FOUND")
    ResponseEntity<?> job(@PathVariable UUID jobId) {
        return jobs.find(jobId).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> Problems.of("JOB_NOT_FOUND", "no job has that id"));
    }

    @PostMapping("/{kind}")
    @Operation(summary = "Run a scheduled job now",
            description = "kind: deadline-enforcement, deadline-reminders, outbox-relay. Errors: 404 JOB_NOT_FOUND")
    ResponseEntity<?> runNow(@PathVariable String kind) {
        var definition = definitions.get(kind);
        if (definition == null) {
            return Problems.of("JOB_NOT_FOUND", "no job of kind " + kind.replaceAll("[^a-z-]", "") + " exists here");
        }
        UUID id = jobs.start(kind, definition::run);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("jobId", id));
    }
}
