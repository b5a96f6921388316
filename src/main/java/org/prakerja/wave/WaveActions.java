package org.prakerja.wave;

import java.time.Instant;
import java.util.UUID;
import org.springframework.lang.Nullable;
import org.prakerja.audit.Actor;
import org.prakerja.audit.AuditTrail;
import org.prakerja.common.InvalidInput;
import org.prakerja.job.Jobs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's acts on a wave, the same whether they come from the operator API or from a console
 * page: both controllers call these and nothing else, so whatever is recorded about an act (the
 * audit trail, R-84) is recorded once, here, for both ways in.
 */
@Service
@Transactional
class WaveActions {

    private final Waves waves;
    private final Jobs jobs;
    private final AuditTrail audit;

    WaveActions(Waves waves, Jobs jobs, AuditTrail audit) {
        this.waves = waves;
        this.jobs = jobs;
        this.audit = audit;
    }

    /** A new wave as an operator describes it; without a scheme, the configured default. */
    public record Draft(int number, int quota, Instant joinOpensAt, Instant joinClosesAt, Instant announcementAt,
            @Nullable String scheme) {
    }

    /** What became of a request to start a wave's job. */
    public sealed interface JobStart {

        record Started(UUID jobId) implements JobStart {
        }

        record Refused(WaveRefusal reason, String detail) implements JobStart {
        }
    }

    /**
     * Creates a DRAFT wave.
     *
     * @throws InvalidInput naming {@code joinClosesAt} or {@code announcementAt} when the dates are out of order
     */
    public WaveChange create(Draft draft, Actor who) {
        if (!draft.joinOpensAt().isBefore(draft.joinClosesAt())) {
            throw new InvalidInput("joinClosesAt", "must be after joinOpensAt");
        }
        if (draft.announcementAt().isBefore(draft.joinClosesAt())) {
            throw new InvalidInput("announcementAt", "must not be before joinClosesAt");
        }
        var change = draft.scheme() == null
                ? waves.create(draft.number(), draft.quota(), draft.joinOpensAt(), draft.joinClosesAt(),
                        draft.announcementAt())
                : waves.create(draft.number(), draft.quota(), draft.joinOpensAt(), draft.joinClosesAt(),
                        draft.announcementAt(), draft.scheme());
        if (change instanceof WaveChange.Changed c) {
            audit.record(who, "WAVE_CREATED", "wave:" + c.wave().number(), "scheme " + c.wave().scheme() + ", quota "
                    + c.wave().quota() + ", joins "
                    + draft.joinOpensAt() + " to " + draft.joinClosesAt() + ", announcement " + draft.announcementAt());
        }
        return change;
    }

    /** OPEN or CLOSED. */
    public WaveChange transition(int number, WaveStatus to, Actor who) {
        var change = waves.transition(number, to);
        if (change instanceof WaveChange.Changed) {
            audit.record(who, "WAVE_" + to.name(), "wave:" + number, "to " + to);
        }
        return change;
    }

    /** The reproducible selection as a job; the wave must be CLOSED. */
    public JobStart startSelection(int number, Actor who) {
        return start(number, WaveStatus.CLOSED, WaveJobs.SELECTION, "WAVE_SELECTION_STARTED", who);
    }

    /** The announcement as a job; the wave must be SELECTED. */
    public JobStart startAnnouncement(int number, Actor who) {
        return start(number, WaveStatus.SELECTED, WaveJobs.ANNOUNCEMENT, "WAVE_ANNOUNCEMENT_STARTED", who);
    }

    private JobStart start(int number, WaveStatus needed, String kind, String action, Actor who) {
        var wave = waves.find(number);
        if (wave.isEmpty()) {
            return new JobStart.Refused(WaveRefusal.WAVE_NOT_FOUND, "no wave has that number");
        }
        if (wave.get().status() != needed) {
            return new JobStart.Refused(WaveRefusal.ILLEGAL_TRANSITION,
                    kind + " needs a " + needed + " wave; this one is " + wave.get().status());
        }
        var job = jobs.start(kind, number);
        audit.record(who, action, "wave:" + number, "job " + job);
        return new JobStart.Started(job);
    }
}
