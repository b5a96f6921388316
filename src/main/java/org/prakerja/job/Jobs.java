package org.prakerja.job;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts jobs and tells how they are doing. A job is a one-time db-scheduler task: whichever
 * instance is free runs it, and if that instance dies another runs it again. Its state and
 * progress are rows of {@code job}, readable from every instance. Job times are real wall-clock
 * times (database {@code now()}), not the sandbox's test clock.
 */
public class Jobs {

    private final JdbcClient db;
    private final SchedulerClient scheduler;
    private final Set<String> kinds;
    private final Set<String> scheduledKinds;

    Jobs(JdbcClient db, SchedulerClient scheduler, Set<String> kinds, Set<String> scheduledKinds) {
        this.db = db;
        this.scheduler = scheduler;
        this.kinds = kinds;
        this.scheduledKinds = scheduledKinds;
    }

    /** Starts the job {@code kind} for a wave; returns its id at once. */
    public UUID start(String kind, int wave) {
        return start(kind, new JobOrder(UUID.randomUUID(), wave));
    }

    /** A round of a scheduled job now, outside its schedule; empty if no scheduled job has that kind. */
    public Optional<UUID> runNow(String kind) {
        if (!scheduledKinds.contains(kind)) {
            return Optional.empty();
        }
        return Optional.of(start(kind, new JobOrder(UUID.randomUUID(), null)));
    }

    public Optional<JobView> find(UUID id) {
        return db.sql("SELECT id, kind, state, done, total, started_at, finished_at, error FROM job WHERE id = ?")
                .param(id)
                .query(Jobs::view)
                .optional();
    }

    /** The latest job started for a wave (of any kind), for the wave's page in the console. */
    public Optional<JobView> latestForWave(int wave) {
        return db.sql("""
                SELECT id, kind, state, done, total, started_at, finished_at, error FROM job
                WHERE wave = ? ORDER BY started_at DESC LIMIT 1
                """)
                .param(wave)
                .query(Jobs::view)
                .optional();
    }

    private static JobView view(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new JobView(rs.getObject(1, UUID.class), rs.getString(2), JobState.valueOf(rs.getString(3)),
                rs.getLong(4), rs.getLong(5), rs.getTimestamp(6).toInstant(),
                Optional.ofNullable(rs.getTimestamp(7)).map(Timestamp::toInstant).orElse(null),
                rs.getString(8));
    }

    private UUID start(String kind, JobOrder order) {
        if (!kinds.contains(kind)) {
            throw new IllegalArgumentException("no job of kind " + kind);
        }
        // scheduled first: if this instance dies before the row is written, the job still runs and
        // writes its row itself; a row without a task would stay RUNNING for ever. db-scheduler
        // compares due times with its own wall clock, so the sandbox's clock has no say here.
        scheduler.schedule(new TaskInstance<>(kind, order.jobId().toString(), order), Instant.now());
        db.sql("INSERT INTO job (id, kind, state, started_at, wave) VALUES (?, ?, ?, now(), ?) ON CONFLICT (id) DO NOTHING")
                .params(order.jobId(), kind, JobState.RUNNING.name(), order.wave())
                .update();
        return order.jobId();
    }
}
