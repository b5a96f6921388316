package org.prakerja.job;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one job for db-scheduler and keeps its row in {@code job} true: RUNNING while some instance
 * works on it, then SUCCEEDED or FAILED. A run that db-scheduler starts again after its instance
 * died sets the row back to RUNNING and counts from zero.
 */
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    /** A job that took its instance down this often would take the next one down too. */
    static final int MAX_RUNS = 5;

    private final JdbcClient db;
    private final TransactionTemplate own;
    private final KindLock kindLock;

    JobRunner(JdbcClient db, PlatformTransactionManager transactions, KindLock kindLock) {
        this.db = db;
        this.kindLock = kindLock;
        // progress is written in its own transaction, so it shows while the job's transaction is
        // still open and survives its rollback
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void run(JobDefinition job, JobOrder order, ExecutionContext execution) {
        UUID id = order.jobId();
        Integer runs = db.sql("""
                INSERT INTO job (id, kind, state, started_at, runs, wave) VALUES (:id, :kind, :running, now(), 1, :wave)
                ON CONFLICT (id) DO UPDATE SET state = :running, done = 0, total = 0, runs = job.runs + 1
                WHERE job.state IN (:from)
                RETURNING runs
                """)
                .param("id", id).param("kind", job.kind()).param("wave", order.wave())
                .param("running", JobState.RUNNING.name()).param("from", JobState.movingTo(JobState.RUNNING))
                .query(Integer.class)
                .optional()
                .orElse(null);
        if (runs == null) {
            log.warn("job already ended, not run again job={} kind={}", id, job.kind());
            return;
        }
        if (runs > MAX_RUNS) {
            failed(id, "gave up after " + MAX_RUNS + " runs: each one ended with its instance");
            log.error("job given up job={} kind={} runs={}", id, job.kind(), MAX_RUNS);
            return;
        }
        log.info("job started job={} kind={} wave={} run={}", id, job.kind(), order.wave(), runs);
        try {
            Runnable work = () -> job.run(order.wave() == null ? OptionalInt.empty() : OptionalInt.of(order.wave()),
                    progress(id));
            if (job.schedule().isPresent()) {
                // a run-now of a scheduled kind waits for a round of it in progress
                kindLock.run(job.kind(), true, work);
            } else {
                work.run();
            }
        } catch (RuntimeException e) {
            if (execution.getSchedulerState().isShuttingDown()) {
                // not the job's fault: its instance is going away. The row stays RUNNING and
                // db-scheduler hands the job to another instance.
                log.warn("job interrupted by shutdown job={} kind={}", id, job.kind());
                throw e;
            }
            // class and SQL state only: a database message can quote a row's values (phones, emails),
            // and the job's error is readable by operators and auditors
            log.error("job failed job={} kind={} error={} sqlState={}", id, job.kind(), e.getClass().getName(), sqlState(e));
            failed(id, e.getClass().getSimpleName() + (sqlState(e) == null ? "" : " (SQL state " + sqlState(e) + ")"));
            return;
        }
        db.sql("UPDATE job SET state = :to, finished_at = now(), done = greatest(done, total) WHERE id = :id AND state IN (:from)")
                .param("to", JobState.SUCCEEDED.name()).param("id", id)
                .param("from", JobState.movingTo(JobState.SUCCEEDED)).update();
        log.info("job succeeded job={} kind={}", id, job.kind());
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private void failed(UUID id, String error) {
        db.sql("UPDATE job SET state = :to, finished_at = now(), error = :error WHERE id = :id AND state IN (:from)")
                .param("to", JobState.FAILED.name()).param("error", error).param("id", id)
                .param("from", JobState.movingTo(JobState.FAILED)).update();
    }

    private JobProgress progress(UUID id) {
        return new JobProgress() {
            @Override
            public void total(long total) {
                own.executeWithoutResult(s -> db.sql("UPDATE job SET total = ? WHERE id = ?").params(total, id).update());
            }

            @Override
            public void advance(long by) {
                own.executeWithoutResult(s -> db.sql("UPDATE job SET done = done + ? WHERE id = ?").params(by, id).update());
            }
        };
    }
}
