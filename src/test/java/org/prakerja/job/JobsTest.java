package org.prakerja.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.Await;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class JobsTest {

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient db;

    @Test
    @DisplayName("a job run now is a db-scheduler task: it records its progress and its end, and its task is gone")
    void runNowRecordsItsEnd() {
        UUID id = jobs.runNow("outbox-relay").orElseThrow();
        var done = awaitEnd(id, Duration.ofSeconds(20));
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.kind()).isEqualTo("outbox-relay");
        assertThat(done.done()).isEqualTo(done.total());
        assertThat(done.finishedAt()).isNotNull().isAfterOrEqualTo(done.startedAt());
        assertThat(done.error()).isNull();
        assertThat(runs(id)).isEqualTo(1);
        awaitNoTask(id);
    }

    @Test
    @DisplayName("a failing job records its error and is not retried")
    void failureIsRecorded() {
        UUID id = jobs.start("selection", 987_654); // no such wave
        var failed = awaitEnd(id, Duration.ofSeconds(20));
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).startsWith("NoSuchElementException");
        assertThat(failed.finishedAt()).isNotNull();
        awaitNoTask(id);
        assertThat(runs(id)).isEqualTo(1);
    }

    @Test
    @DisplayName("only scheduled kinds run now; a job a module starts for a wave does not")
    void runNowKnowsScheduledKinds() {
        assertThat(jobs.runNow("selection")).isEmpty();
        assertThat(jobs.runNow("announcement")).isEmpty();
        assertThat(jobs.runNow("delete-everything")).isEmpty();
    }

    @Test
    @DisplayName("a job carries its data as JSON in db-scheduler's table: its id and its wave")
    void taskDataIsJson() {
        UUID job = UUID.randomUUID();
        insertDeadTask("selection", job, "{\"jobId\":\"" + job + "\",\"wave\":987653}", Duration.ZERO);
        assertThat(db.sql("SELECT convert_from(task_data, 'UTF8')::jsonb ->> 'wave' FROM scheduled_tasks WHERE task_instance = ?")
                .param(job.toString()).query(String.class).single()).isEqualTo("987653");
        insertJob(job, "selection", 1);
        // the wave does not exist: the revived job fails, visibly
        assertThat(awaitEnd(job, Duration.ofSeconds(30)).state()).isEqualTo(JobState.FAILED);
    }

    @Test
    @DisplayName("a job whose instance died is run again by another: its row goes back to RUNNING and it finishes")
    void deadJobRunsAgain() {
        UUID id = UUID.randomUUID();
        insertJob(id, "outbox-relay", 1);
        db.sql("UPDATE job SET done = 7, total = 10 WHERE id = ?").param(id).update();
        insertDeadTask("outbox-relay", id, order(id), Duration.ofHours(1));
        var done = awaitEnd(id, Duration.ofSeconds(30));
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.done()).isEqualTo(done.total());
        assertThat(runs(id)).isEqualTo(2);
        awaitNoTask(id);
    }

    @Test
    @DisplayName("a job that took its instance down time after time is given up, as FAILED")
    void givenUpAfterMaxRuns() {
        UUID id = UUID.randomUUID();
        insertJob(id, "outbox-relay", JobRunner.MAX_RUNS);
        insertDeadTask("outbox-relay", id, order(id), Duration.ofHours(1));
        var failed = awaitEnd(id, Duration.ofSeconds(30));
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).contains("gave up after " + JobRunner.MAX_RUNS + " runs");
        awaitNoTask(id);
    }

    @Test
    @DisplayName("a job that already ended is not run again when its task comes round once more")
    void endedJobIsNotRunAgain() {
        UUID id = UUID.randomUUID();
        insertJob(id, "outbox-relay", 1);
        db.sql("UPDATE job SET state = 'FAILED', finished_at = now(), error = 'boom' WHERE id = ?").param(id).update();
        insertDeadTask("outbox-relay", id, order(id), Duration.ofHours(1));
        awaitNoTask(id);
        var job = jobs.find(id).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.error()).isEqualTo("boom");
        assertThat(runs(id)).isEqualTo(1);
    }

    private static String order(UUID id) {
        return "{\"jobId\":\"" + id + "\",\"wave\":null}";
    }

    private void insertJob(UUID id, String kind, int runs) {
        db.sql("INSERT INTO job (id, kind, state, started_at, runs) VALUES (?, ?, 'RUNNING', now() - interval '1 hour', ?)")
                .params(id, kind, runs).update();
    }

    /** A task row as db-scheduler leaves it when the instance running it stops beating (or, at zero age, a due one). */
    private void insertDeadTask(String task, UUID id, String data, Duration silentFor) {
        boolean picked = !silentFor.isZero();
        db.sql("""
                INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
                    last_heartbeat, version)
                VALUES (?, ?, convert_to(?, 'UTF8'), now() - ?::interval, ?, ?, now() - ?::interval, 1)
                """)
                .params(task, id.toString(), data, silentFor.toSeconds() + " seconds", picked,
                        picked ? "an-instance-that-died" : null, silentFor.toSeconds() + " seconds")
                .update();
    }

    private int runs(UUID id) {
        return db.sql("SELECT runs FROM job WHERE id = ?").param(id).query(Integer.class).single();
    }

    private void awaitNoTask(UUID id) {
        Await.until(Duration.ofSeconds(20), () -> db.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?")
                .param(id.toString()).query(Long.class).single() == 0, "task of job " + id + " removed");
    }

    private JobView awaitEnd(UUID id, Duration within) {
        Await.until(within, () -> jobs.find(id).map(j -> j.state() != JobState.RUNNING).orElse(false), "job " + id + " ended");
        return jobs.find(id).orElseThrow();
    }
}
