package org.prakerja.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.Api;
import org.prakerja.support.Await;
import org.prakerja.support.Instance;
import org.prakerja.support.Operator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several instances of the service on the test context's database. The test context only watches:
 * its scheduler is paused (and it schedules no rounds), so the instances started here do the work.
 */
@IntegrationTest
class InstancesTest {

    /** Rounds come often here, so a few seconds show many of them. */
    private static final String[] SCHEDULED = {
        "--prakerja.jobs.schedule.enabled=true",
        "--prakerja.jobs.deadline-cron=*/2 * * * * *",
        "--prakerja.incentive.disbursement-cron=*/2 * * * * *",
        "--prakerja.jobs.outbox-relay-delay=PT0.5S"};

    private static final List<String> ROUNDS = List.of(
            JobScheduling.roundOf("outbox-relay"), JobScheduling.roundOf("deadline-reminders"),
            JobScheduling.roundOf("deadline-enforcement"), JobScheduling.roundOf("disbursement"));

    @Autowired
    ApplicationContext context;
    @Autowired
    Scheduler scheduler;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient db;
    @Autowired
    DataSource dataSource;

    record Round(String task, Instant due, String instance) {
    }

    @BeforeEach
    void onlyTheInstancesHereRunJobs() {
        scheduler.pause();
    }

    @AfterEach
    void forgetRounds() {
        // the rounds the instances here scheduled: the test context schedules none, and would run these
        db.sql("DELETE FROM scheduled_tasks WHERE task_name IN (:rounds)").param("rounds", ROUNDS).update();
        scheduler.resume();
    }

    @Test
    @DisplayName("two instances on one database: each scheduled job runs once a round, on one of them")
    void eachRoundRunsOnce() throws Exception {
        Queue<Round> rounds = new ConcurrentLinkedQueue<>();
        try (var a = Instance.start(context, heard("a", rounds), SCHEDULED);
                var b = Instance.start(context, heard("b", rounds), SCHEDULED)) {
            Instant bothUp = Instant.now();
            Await.until(Duration.ofSeconds(30), () -> ROUNDS.stream().allMatch(task -> rounds.stream()
                    .filter(r -> r.task().equals(task) && r.due().isAfter(bothUp)).count() >= 3),
                    "three rounds of each with both instances up");
        }
        Map<String, List<Round>> byTask = rounds.stream().collect(Collectors.groupingBy(Round::task));
        assertThat(byTask.keySet()).containsExactlyInAnyOrderElementsOf(ROUNDS);
        byTask.forEach((task, runs) -> {
            // a round is one due time: run twice, it would show twice
            Map<Instant, Long> perDue = runs.stream().collect(Collectors.groupingBy(Round::due, Collectors.counting()));
            assertThat(perDue).as(task).allSatisfy((due, n) -> assertThat(n).as(task + " due " + due).isOne());
        });
    }

    @Test
    @DisplayName("after an instance dies in the middle of a round, a new one relays the outbox within seconds; no job stays RUNNING")
    void outboxAfterCrash() throws Exception {
        try (var first = Instance.start(context, SCHEDULED)) {
            outboxRecoversAfter(first::port, first::crash);
        }
    }

    @Test
    @DisplayName("Hardening 7: kill -9 of a service process in the middle of a relay round and an operator's job: after a restart the outbox sends within seconds and no job stays RUNNING")
    void outboxAfterKill() throws Exception {
        var killed = Instance.process(context, SCHEDULED);
        try {
            outboxRecoversAfter(killed::port, killed::kill);
        } finally {
            killed.process().destroyForcibly();
        }
    }

    private interface Death {
        void come() throws Exception;
    }

    /**
     * A message waits in the outbox while the doomed instance's relay round and an operator's relay
     * job hang on a table lock (picked, heartbeating, not done); the instance dies; a new one must
     * send the message within seconds and end the job.
     */
    private void outboxRecoversAfter(java.util.function.IntSupplier doomedPort, Death death) throws Exception {
        Instant testStart = db.sql("SELECT now()").query(Timestamp.class).single().toInstant();
        String phone = "+6285" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        UUID job;
        try (var lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (var st = lock.createStatement()) {
                st.execute("LOCK TABLE outbox IN EXCLUSIVE MODE");
                st.execute("INSERT INTO outbox (channel, recipient, body, created_at) VALUES ('SMS', '" + phone
                        + "', 'pesan yang menunggu', now())");
            }
            var api = new Api(doomedPort.getAsInt());
            var started = api.post("/api/v1/ops/jobs/outbox-relay", "", new Operator(api).token());
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
            job = UUID.fromString(started.body().get("jobId").asString());
            UUID picked = job;
            Await.until(Duration.ofSeconds(20), () -> db.sql("""
                    SELECT count(*) FROM scheduled_tasks
                    WHERE picked AND (task_name = ? OR task_instance = ?)
                    """).params(JobScheduling.roundOf("outbox-relay"), picked.toString()).query(Long.class).single() == 2,
                    "round and job picked");
            death.come();
            lock.commit();
        }
        assertThat(sent(phone)).as("nobody relayed it yet").isFalse();
        assertThat(jobs.find(job).orElseThrow().state()).isEqualTo(JobState.RUNNING);

        UUID ended = job;
        try (var second = Instance.start(context, SCHEDULED)) {
            Instant up = Instant.now();
            Await.until(Duration.ofSeconds(15), () -> sent(phone), "the waiting message sent");
            assertThat(Duration.between(up, Instant.now())).isLessThan(Duration.ofSeconds(15));
            Await.until(Duration.ofSeconds(15), () -> jobs.find(ended).orElseThrow().state() != JobState.RUNNING,
                    "operator's job ended");
        }
        assertThat(jobs.find(job).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(db.sql("SELECT count(*) FROM job WHERE state = 'RUNNING' AND started_at >= ?")
                .param(Timestamp.from(testStart)).query(Long.class).single()).isZero();
    }

    private boolean sent(String phone) {
        return db.sql("SELECT sent_at IS NOT NULL FROM outbox WHERE recipient = ?").param(phone)
                .query(Boolean.class).single();
    }

    private static SchedulerListener heard(String instance, Collection<Round> rounds) {
        return new AbstractSchedulerListener() {
            @Override
            public void onExecutionComplete(ExecutionComplete complete) {
                var execution = complete.getExecution();
                if (ROUNDS.contains(execution.getTaskName())) {
                    rounds.add(new Round(execution.getTaskName(), execution.getExecutionTime(), instance));
                }
            }
        };
    }
}
