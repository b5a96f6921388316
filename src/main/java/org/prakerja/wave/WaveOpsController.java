package org.prakerja.wave;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.web.Problems;
import org.prakerja.job.JobStarted;
import org.prakerja.job.Jobs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ops/waves")
@Tag(name = "Operator: waves")
class WaveOpsController {

    private final Waves waves;
    private final Selection selection;
    private final Jobs jobs;

    WaveOpsController(Waves waves, Selection selection, Jobs jobs) {
        this.waves = waves;
        this.selection = selection;
        this.jobs = jobs;
    }

    record NewWave(@NotNull @Min(1) @Max(100_000) Integer number, @NotNull @Min(1) @Max(10_000_000) Integer quota,
            @NotNull OffsetDateTime joinOpensAt, @NotNull OffsetDateTime joinClosesAt,
            @NotNull OffsetDateTime announcementAt) {
    }

    @PostMapping
    @Operation(summary = "Create a wave (DRAFT)", description = "Errors: 400 VALIDATION_FAILED, 409 WAVE_EXISTS")
    ResponseEntity<?> create(@Valid @RequestBody NewWave body) {
        if (!body.joinOpensAt().isBefore(body.joinClosesAt())) {
            throw new InvalidInput("joinClosesAt", "must be after joinOpensAt");
        }
        if (body.announcementAt().isBefore(body.joinClosesAt())) {
            throw new InvalidInput("announcementAt", "must not be before joinClosesAt");
        }
        var refused = waves.create(body.number(), body.quota(), body.joinOpensAt().toInstant(),
                body.joinClosesAt().toInstant(), body.announcementAt().toInstant());
        if (refused.isPresent()) {
            return Problems.refused(refused.get());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(waves.find(body.number()).orElseThrow());
    }

    record Transition(@NotNull WaveStatus to) {
    }

    @PostMapping("/{number}/transitions")
    @Operation(summary = "Open or close a wave (R-20)",
            description = "Errors: 400 VALIDATION_FAILED, 404 WAVE_NOT_FOUND, 409 ILLEGAL_TRANSITION")
    ResponseEntity<?> transition(@PathVariable int number, @Valid @RequestBody Transition body) {
        var refused = waves.transition(number, body.to());
        if (refused.isPresent()) {
            return Problems.refused(refused.get());
        }
        return ResponseEntity.ok(waves.find(number).orElseThrow());
    }

    @PostMapping("/{number}/selection")
    @Operation(summary = "Run the reproducible selection (R-22) as a job",
            description = "Errors: 404 WAVE_NOT_FOUND, 409 ILLEGAL_TRANSITION (the wave is not CLOSED)")
    ResponseEntity<?> select(@PathVariable int number) {
        var wave = waves.find(number);
        if (wave.isEmpty()) {
            return Problems.refused(Waves.Refused.WAVE_NOT_FOUND);
        }
        if (wave.get().status() != WaveStatus.CLOSED) {
            return Problems.of("ILLEGAL_TRANSITION", "selection needs a CLOSED wave; this one is " + wave.get().status());
        }
        var id = jobs.start(WaveJobs.SELECTION, number);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new JobStarted(id));
    }

    @PostMapping("/{number}/announcement")
    @Operation(summary = "Announce (R-23, R-24, R-30) as a job: cards, balances, messages",
            description = "Errors: 404 WAVE_NOT_FOUND, 409 ILLEGAL_TRANSITION (the wave is not SELECTED)")
    ResponseEntity<?> announce(@PathVariable int number) {
        var wave = waves.find(number);
        if (wave.isEmpty()) {
            return Problems.refused(Waves.Refused.WAVE_NOT_FOUND);
        }
        if (wave.get().status() != WaveStatus.SELECTED) {
            return Problems.of("ILLEGAL_TRANSITION", "announcement needs a SELECTED wave; this one is " + wave.get().status());
        }
        var id = jobs.start(WaveJobs.ANNOUNCEMENT, number);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new JobStarted(id));
    }

    @GetMapping("/{number}/selection")
    @Operation(summary = "The selection's seed and counts, exclusions by reason", description = "Errors: 404 WAVE_NOT_FOUND")
    ResponseEntity<?> report(@PathVariable int number) {
        return selection.report(number).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> Problems.refused(Waves.Refused.WAVE_NOT_FOUND));
    }
}
