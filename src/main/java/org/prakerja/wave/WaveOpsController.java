package org.prakerja.wave;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.web.RefusedException;
import org.prakerja.job.JobStarted;
import org.prakerja.common.web.Refuses;
import org.prakerja.job.Jobs;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
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
            @NotNull OffsetDateTime announcementAt, @Nullable @Size(max = 40) String scheme) {
    }

    @PostMapping
    @Operation(summary = "Create a wave (DRAFT)")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(value = WaveRefusal.class, codes = {"WAVE_EXISTS", "SCHEME_NOT_FOUND"})
    Wave create(@Valid @RequestBody NewWave body) {
        if (!body.joinOpensAt().isBefore(body.joinClosesAt())) {
            throw new InvalidInput("joinClosesAt", "must be after joinOpensAt");
        }
        if (body.announcementAt().isBefore(body.joinClosesAt())) {
            throw new InvalidInput("announcementAt", "must not be before joinClosesAt");
        }
        var created = body.scheme() == null
                ? waves.create(body.number(), body.quota(), body.joinOpensAt().toInstant(),
                        body.joinClosesAt().toInstant(), body.announcementAt().toInstant())
                : waves.create(body.number(), body.quota(), body.joinOpensAt().toInstant(),
                        body.joinClosesAt().toInstant(), body.announcementAt().toInstant(), body.scheme());
        return switch (created) {
            case WaveChange.Changed c -> c.wave();
            case WaveChange.Refused r -> throw new RefusedException(r.reason());
        };
    }

    record Transition(@NotNull WaveStatus to) {
    }

    @PostMapping("/{number}/transitions")
    @Operation(summary = "Open or close a wave (R-20)")
    @Refuses(value = WaveRefusal.class, codes = {"WAVE_NOT_FOUND", "ILLEGAL_TRANSITION"})
    Wave transition(@PathVariable int number, @Valid @RequestBody Transition body) {
        return switch (waves.transition(number, body.to())) {
            case WaveChange.Changed c -> c.wave();
            case WaveChange.Refused r -> throw new RefusedException(r.reason());
        };
    }

    /** A job started: follow it at GET /api/v1/ops/jobs/{jobId}. */

    @PostMapping("/{number}/selection")
    @Operation(summary = "Run the reproducible selection (R-22) as a job",
            description = "ILLEGAL_TRANSITION: the wave is not CLOSED")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Refuses(value = WaveRefusal.class, codes = {"WAVE_NOT_FOUND", "ILLEGAL_TRANSITION"})
    JobStarted select(@PathVariable int number) {
        var wave = waves.find(number);
        if (wave.isEmpty()) {
            throw new RefusedException(WaveRefusal.WAVE_NOT_FOUND);
        }
        if (wave.get().status() != WaveStatus.CLOSED) {
            throw new RefusedException(WaveRefusal.ILLEGAL_TRANSITION,
                    "selection needs a CLOSED wave; this one is " + wave.get().status());
        }
        return new JobStarted(jobs.start(WaveJobs.SELECTION, number));
    }

    @PostMapping("/{number}/announcement")
    @Operation(summary = "Announce (R-23, R-24, R-30) as a job: cards, balances, messages",
            description = "ILLEGAL_TRANSITION: the wave is not SELECTED")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Refuses(value = WaveRefusal.class, codes = {"WAVE_NOT_FOUND", "ILLEGAL_TRANSITION"})
    JobStarted announce(@PathVariable int number) {
        var wave = waves.find(number);
        if (wave.isEmpty()) {
            throw new RefusedException(WaveRefusal.WAVE_NOT_FOUND);
        }
        if (wave.get().status() != WaveStatus.SELECTED) {
            throw new RefusedException(WaveRefusal.ILLEGAL_TRANSITION,
                    "announcement needs a SELECTED wave; this one is " + wave.get().status());
        }
        return new JobStarted(jobs.start(WaveJobs.ANNOUNCEMENT, number));
    }

    @GetMapping("/{number}/selection")
    @Operation(summary = "The selection's seed and counts, exclusions by reason")
    @Refuses(value = WaveRefusal.class, codes = "WAVE_NOT_FOUND")
    Selection.Report report(@PathVariable int number) {
        return selection.report(number)
                .orElseThrow(() -> new RefusedException(WaveRefusal.WAVE_NOT_FOUND));
    }
}
