package org.prakerja.wave;

import org.prakerja.job.JobState;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.Await;
import org.prakerja.job.JobView;
import org.prakerja.job.Jobs;
import org.prakerja.support.Api;
import org.prakerja.support.Crowd;
import org.prakerja.support.Instance;
import org.prakerja.support.Operator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An announcement whose instance dies in the middle, on the test context's database. The test
 * context only watches: its scheduler is paused, so the instances started here run the jobs.
 */
@IntegrationTest
class AnnouncementCrashTest {

    private static final int APPLICANTS = 16_000;
    private static final int QUOTA = 15_000;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Scheduler scheduler;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient db;

    @BeforeEach
    void onlyTheInstancesHereRunJobs() {
        scheduler.pause();
    }

    @AfterEach
    void resume() {
        scheduler.resume();
    }

    @Test
    @DisplayName("an announcement whose instance dies mid-way is finished by another: one card and one credit per selected, ledger balanced")
    void announcementSurvivesItsInstance() {
        int wave;
        UUID job;
        try (var first = Instance.start(context)) {
            var ops = new Operator(new Api(first.port()));
            wave = ops.openWave(QUOTA);
            Crowd.apply(db, wave, APPLICANTS);
            ops.close(wave);
            ops.select(wave);
            var started = new Api(first.port()).post("/api/v1/ops/waves/" + wave + "/announcement", "", ops.token());
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
            job = UUID.fromString(started.body().get("jobId").asString());
            // the first chunk of cards is in, the rest is not
            Await.until(Duration.ofSeconds(60), () -> jobs.find(job).orElseThrow().done() >= 5_000, "first chunk announced");
            first.crash();
        }
        var atCrash = jobs.find(job).orElseThrow();
        assertThat(atCrash.state()).isEqualTo(JobState.RUNNING);
        assertThat(atCrash.done()).isLessThan(APPLICANTS);

        JobView end;
        try (var second = Instance.start(context)) {
            Await.until(Duration.ofSeconds(60), () -> jobs.find(job).orElseThrow().state() != JobState.RUNNING, "job ended");
            var api = new Api(port);
            var answer = api.get("/api/v1/ops/jobs/" + job, new Operator(api).token());
            assertThat(answer.status()).isEqualTo(200);
            end = jobs.find(job).orElseThrow();
            assertThat(answer.body().get("state").asString()).isEqualTo("SUCCEEDED");
        }
        assertThat(end.state()).as(String.valueOf(end.error())).isEqualTo(JobState.SUCCEEDED);
        assertThat(end.done()).isEqualTo(APPLICANTS);
        assertThat(end.total()).isEqualTo(APPLICANTS);
        assertThat(db.sql("SELECT runs FROM job WHERE id = ?").param(job).query(Integer.class).single())
                .as("run again after the crash").isEqualTo(2);

        assertThat(count("SELECT count(*) FROM application WHERE wave_number = ? AND announced_at IS NULL", wave)).isZero();
        assertThat(count("SELECT count(*) FROM wave WHERE number = ? AND status = 'ANNOUNCED'", wave)).isOne();
        long selected = count("SELECT count(*) FROM application WHERE wave_number = ? AND status = 'SELECTED'", wave);
        assertThat(selected).isEqualTo(QUOTA);
        // exactly one card for each selected applicant, none for the others
        assertThat(count("""
                SELECT count(*) FROM card c JOIN application a ON a.participant_id = c.participant_id
                WHERE a.wave_number = ? AND a.status = 'SELECTED'
                """, wave)).isEqualTo(selected);
        assertThat(count("SELECT count(*) FROM card WHERE wave_number = ?", wave)).isEqualTo(selected);
        // exactly one credit from the fund to each of those cards
        assertThat(count("""
                SELECT count(*) FROM card c JOIN ledger_transfer t ON t.credit_account = 'CARD_BALANCE:' || c.id
                WHERE c.wave_number = ? AND t.debit_account = 'PROGRAM_FUND'
                """, wave)).isEqualTo(selected);
        assertThat(count("""
                SELECT count(*) FROM card c JOIN ledger_transfer t ON t.credit_account = 'CARD_BALANCE:' || c.id
                WHERE c.wave_number = ?
                """, wave)).isEqualTo(selected);
        // one notice for every applicant, one congratulation SMS for every selected
        assertThat(count("""
                SELECT count(*) FROM in_app_notification n JOIN application a ON a.participant_id = n.participant_id
                WHERE a.wave_number = ? AND n.kind IN ('SELECTED', 'NOT_SELECTED')
                """, wave)).isEqualTo(APPLICANTS);
        assertThat(count("""
                SELECT count(*) FROM outbox o JOIN application a ON a.participant_id = o.participant_id
                WHERE a.wave_number = ? AND o.channel = 'SMS'
                """, wave)).isEqualTo(selected);

        var api = new Api(port);
        var reconciliation = new Operator(api).reconciliation();
        assertThat(reconciliation.get("balanced").asBoolean()).as(reconciliation.toString()).isTrue();
        assertThat(reconciliation.get("total").asLong()).isZero();
    }

    private long count(String sql, int wave) {
        return db.sql(sql).param(wave).query(Long.class).single();
    }
}
