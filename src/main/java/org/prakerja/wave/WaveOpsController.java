package org.prakerja.wave;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.prakerja.access.CurrentUser;
import org.prakerja.audit.AuditTrail;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.web.RefusedException;
import org.prakerja.job.JobStarted;
import org.prakerja.common.web.Refuses;
import org.prakerja.job.Jobs;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * R-20..R-24 operators' acts on waves. Each act and its audit entry are one transaction: a
 * refused act records nothing.
 */
@RestController
@RequestMapping("/api/v1/ops/waves")
@Tag(name = "Operator: waves")
class WaveOpsController {

    private final Waves waves;
    private final Selection selection;
    private final Jobs jobs;
    private final AuditTrail audit;

    WaveOpsController(Waves waves, Selection selection, Jobs jobs, AuditTrail audit) {
        this.audit = audit;
        this.waves = waves;
        this.selection = selection;
        this.jobs = jobs;
    }

    record NewWave(@NotNull @Min(1) @Max(100_000) Integer number, @NotNull @Min(1) @Max(10_000_000) Integer quota,
            @NotNull OffsetDateTime joinOpensAt, @NotNull OffsetDateTime joinClosesAt,
            @NotNull OffsetDateTime announcementAt) {
    }

    @PostMapping
    @Transactional
    @Operation(summary = "Create a wave (DRAFT)")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(value = WaveRefusal.class, codes = "WAVE_EXISTS")
    Wave create(@Valid @RequestBody NewWave body, @AuthenticationPrincipal CurrentUser operator) {
        if (!body.joinOpensAt().isBefore(body.joinClosesAt())) {
            throw new InvalidInput("joinClosesAt", "must be after joinOpensAt");
        }
        if (body.announcementAt().isBefore(body.joinClosesAt())) {
            throw new InvalidInput("announcementAt", "must not be before joinClosesAt");
        }
        return switch (waves.create(body.number(), body.quota(), body.joinOpensAt().toInstant(),
                body.joinClosesAt().toInstant(), body.announcementAt().toInstant())) {
            case WaveChange.Changed c -> {
                audit.record(operator.asActor(), "WAVE_CREATED", "wave:" + c.wave().number(),
                        "quota " + c.wave().quota() + ", joins " + body.joinOpensAt() + " to " + body.joinClosesAt()
                                + ", announcement " + body.announcementAt());
                yield c.wave();
            }
            case WaveChange.Refused r -> throw new RefusedException(r.reason());
        };
    }

    record Transition(@NotNull WaveStatus to) {
    }

    @PostMapping("/{number}/transitions")
    @Transactional
    @Operation(summary = "Open or close a wave (R-20)")
    @Refuses(value = WaveRefusal.class, codes = {"WAVE_NOT_FOUND", "ILLEGAL_TRANSITION"})
    Wave transition(@PathVariable int number, @Valid @RequestBody Transition body,
            @AuthenticationPrincipal CurrentUser operator) {
        return switch (waves.transition(number, body.to())) {
            case WaveChange.Changed c -> {
                audit.record(operator.asActor(), "WAVE_" + body.to().name(), "wave:" + number, "to " + body.to());
                yield c.wave();
            }
            case WaveChange.Refused r -> throw new RefusedException(r.reason());
        };
    }

    /** A job started: follow it at GET /api/v1/ops/jobs/{jobId}. */

    @PostMapping("/{number}/selection")
    @Transactional
    @Operation(summary = "Run the reproducible selection (R-22) as a job",
            description = "ILLEGAL_TRANSITION: the wave is not CLOSED")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Refuses(value = WaveRefusal.class, codes = {"WAVE_NOT_FOUND", "ILLEGAL_TRANSITION"})
    JobStarted select(@PathVariable int number, @AuthenticationPrincipal CurrentUser operator) {
        var wave = waves.find(number);
        if (wave.isEmpty()) {
            throw new RefusedException(WaveRefusal.WAVE_NOT_FOUND);
        }
        if (wave.get().status() != WaveStatus.CLOSED) {
            throw new RefusedException(WaveRefusal.ILLEGAL_TRANSITION,
                    "selection needs a CLOSED wave; this one is " + wave.get().status());
        }
        var job = jobs.start(WaveJobs.SELECTION, number);
        audit.record(operator.asActor(), "WAVE_SELECTION_STARTED", "wave:" + number, "job " + job);
        return new JobStarted(job);
    }

    @PostMapping("/{number}/announcement")
    @Transactional
    @Operation(summary = "Announce (R-23, R-24, R-30) as a job: cards, balances, messages",
            description = "ILLEGAL_TRANSITION: the wave is not SELECTED")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Refuses(value = WaveRefusal.class, codes = {"WAVE_NOT_FOUND", "ILLEGAL_TRANSITION"})
    JobStarted announce(@PathVariable int number, @AuthenticationPrincipal CurrentUser operator) {
        var wave = waves.find(number);
        if (wave.isEmpty()) {
            throw new RefusedException(WaveRefusal.WAVE_NOT_FOUND);
        }
        if (wave.get().status() != WaveStatus.SELECTED) {
            throw new RefusedException(WaveRefusal.ILLEGAL_TRANSITION,
                    "announcement needs a SELECTED wave; this one is " + wave.get().status());
        }
        var job = jobs.start(WaveJobs.ANNOUNCEMENT, number);
        audit.record(operator.asActor(), "WAVE_ANNOUNCEMENT_STARTED", "wave:" + number, "job " + job);
        return new JobStarted(job);
    }

    @GetMapping("/{number}/selection")
    @Operation(summary = "The selection's seed and counts, exclusions by reason")
    @Refuses(value = WaveRefusal.class, codes = "WAVE_NOT_FOUND")
    Selection.Report report(@PathVariable int number) {
        return selection.report(number)
                .orElseThrow(() -> new RefusedException(WaveRefusal.WAVE_NOT_FOUND));
    }
}
