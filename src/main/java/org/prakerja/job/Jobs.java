package org.prakerja.job;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs long work in the background and keeps its progress in the database, where any instance
 * can answer for it. Job times are real wall-clock times (database {@code now()}), not the
 * sandbox's test clock.
 */
@Service
public class Jobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final JdbcClient db;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String instance = UUID.randomUUID().toString();

    Jobs(JdbcClient db) {
        this.db = db;
    }

    /** Starts {@code work} in the background and returns the job's id at once. */
    public UUID start(String kind, Consumer<Progress> work) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO job (id, kind, state, started_at) VALUES (?, ?, 'RUNNING', now())")
                .params(id, kind).update();
        executor.submit(() -> run(id, kind, work));
        return id;
    }

    public Optional<JobView> find(UUID id) {
        return db.sql("SELECT id, kind, state, done, total, started_at, finished_at, error FROM job WHERE id = ?")
                .param(id)
                .query((rs, i) -> new JobView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getLong(5), rs.getTimestamp(6).toInstant(),
                        Optional.ofNullable(rs.getTimestamp(7)).map(java.sql.Timestamp::toInstant).orElse(null),
                        rs.getString(8)))
                .optional();
    }

    /**
     * Runs {@code work} only if no instance holds the lease on {@code name}: the lease is one
     * conditional upsert, so of many instances exactly one wins each round.
     */
    public boolean exclusively(String name, Duration lease, Runnable work) {
        int won = db.sql("""
                INSERT INTO job_lease (name, leased_until, leased_by) VALUES (?, now() + ?::interval, ?)
                ON CONFLICT (name) DO UPDATE SET leased_until = excluded.leased_until, leased_by = excluded.leased_by
                WHERE job_lease.leased_until < now()
                """)
                .params(name, lease.toSeconds() + " seconds", instance)
                .update();
        if (won == 0) {
            return false;
        }
        try {
            work.run();
        } finally {
            db.sql("UPDATE job_lease SET leased_until = now() WHERE name = ? AND leased_by = ?")
                    .params(name, instance).update();
        }
        return true;
    }

    private void run(UUID id, String kind, Consumer<Progress> work) {
        try {
            work.accept(new Progress() {
                @Override
                public void total(long total) {
                    db.sql("UPDATE job SET total = ? WHERE id = ?").params(total, id).update();
                }

                @Override
                public void advance(long by) {
                    db.sql("UPDATE job SET done = done + ? WHERE id = ?").params(by, id).update();
                }
            });
            db.sql("UPDATE job SET state = 'SUCCEEDED', finished_at = now(), done = greatest(done, total) WHERE id = ?")
                    .param(id).update();
            log.info("job succeeded job={} kind={}", id, kind);
        } catch (RuntimeException e) {
            log.error("job failed job={} kind={}", id, kind, e);
            db.sql("UPDATE job SET state = 'FAILED', finished_at = now(), error = ? WHERE id = ?")
                    .params(e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()), id).update();
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
