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
import org.prakerja.job.JobStarted;
import org.prakerja.login.CurrentUser;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

    private final WaveActions actions;
    private final Selection selection;

    WaveOpsController(WaveActions actions, Selection selection) {
        this.actions = actions;
        this.selection = selection;
    }

    record NewWave(@NotNull @Min(1) @Max(100_000) Integer number, @NotNull @Min(1) @Max(10_000_000) Integer quota,
            @NotNull OffsetDateTime joinOpensAt, @NotNull OffsetDateTime joinClosesAt,
            @NotNull OffsetDateTime announcementAt, @Nullable @Size(max = 40) String scheme) {
    }

    @PostMapping
    @Operation(summary = "Create a wave (DRAFT)")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(value = WaveRefusal.class, codes = {"WAVE_EXISTS", "SCHEME_NOT_FOUND"})
    Wave create(@Valid @RequestBody NewWave body, @AuthenticationPrincipal CurrentUser operator) {
        return switch (actions.create(new WaveActions.Draft(body.number(), body.quota(), body.joinOpensAt().toInstant(),
                body.joinClosesAt().toInstant(), body.announcementAt().toInstant(), body.scheme()), operator.asActor())) {
            case WaveChange.Changed c -> c.wave();
            case WaveChange.Refused r -> throw new RefusedException(r.reason());
        };
    }

    record Transition(@NotNull WaveStatus to) {
    }

    @PostMapping("/{number}/transitions")
    @Operation(summary = "Open or close a wave (R-20)")
    @Refuses(value = WaveRefusal.class, codes = {"WAVE_NOT_FOUND", "ILLEGAL_TRANSITION"})
    Wave transition(@PathVariable int number, @Valid @RequestBody Transition body,
            @AuthenticationPrincipal CurrentUser operator) {
        return switch (actions.transition(number, body.to(), operator.asActor())) {
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
    JobStarted select(@PathVariable int number, @AuthenticationPrincipal CurrentUser operator) {
        return started(actions.startSelection(number, operator.asActor()));
    }

    @PostMapping("/{number}/announcement")
    @Operation(summary = "Announce (R-23, R-24, R-30) as a job: cards, balances, messages",
            description = "ILLEGAL_TRANSITION: the wave is not SELECTED")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Refuses(value = WaveRefusal.class, codes = {"WAVE_NOT_FOUND", "ILLEGAL_TRANSITION"})
    JobStarted announce(@PathVariable int number, @AuthenticationPrincipal CurrentUser operator) {
        return started(actions.startAnnouncement(number, operator.asActor()));
    }

    private static JobStarted started(WaveActions.JobStart start) {
        return switch (start) {
            case WaveActions.JobStart.Started s -> new JobStarted(s.jobId());
            case WaveActions.JobStart.Refused r -> throw r.reason() == WaveRefusal.WAVE_NOT_FOUND
                    ? new RefusedException(r.reason()) : new RefusedException(r.reason(), r.detail());
        };
    }

    @GetMapping("/{number}/selection")
    @Operation(summary = "The selection's seed and counts, exclusions by reason")
    @Refuses(value = WaveRefusal.class, codes = "WAVE_NOT_FOUND")
    Selection.Report report(@PathVariable int number) {
        return selection.report(number)
                .orElseThrow(() -> new RefusedException(WaveRefusal.WAVE_NOT_FOUND));
    }
}
