package org.prakerja.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.job.Jobs;
import org.prakerja.job.JobProgress;
import org.prakerja.ledger.Ledger;
import org.prakerja.notification.Notifications;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Await;
import org.prakerja.support.CardHolders;
import org.prakerja.support.Instance;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.training.TrainingCompleted;
import org.prakerja.training.TrainingReviewed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-72 a payout is never paid twice: two runs at once over the same due payouts, a provider that
 * pays and loses its answer, a service killed between the provider's payment and its recording.
 * In each, what the stand-in provider paid equals what the ledger paid out, payout by payout.
 */
@IntegrationTest
class NeverPaidTwiceTest {

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient db;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Disbursement disbursement;
    @Autowired
    Ledger ledger;
    @Autowired
    PaymentProvider provider;
    @Autowired
    Notifications notifications;
    @Autowired
    java.time.Clock clock;
    @Autowired
    ApplicationContext context;
    @Autowired
    Scheduler scheduler;
    @Autowired
    Jobs jobs;

    Api api;
    Operator ops;
    CardHolders holders;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ops = new Operator(api);
        holders = new CardHolders(api, new Journey(api, relay), ops);
    }

    @AfterEach
    void ledgerBalanced() {
        var r = ops.reconciliation();
        assertThat(r.get("balanced").asBoolean()).as(r.toString()).isTrue();
    }

    record Earner(UUID id, String token, String phone) {
    }

    /** Card holders whose first training is completed and reviewed (the training module's events) and who linked their e-wallet. */
    List<Earner> earners(int n) {
        var made = holders.make(n);
        var out = new ArrayList<Earner>();
        for (var h : made) {
            UUID voucher = UUID.randomUUID();
            UUID participant = h.participant().id();
            tx.executeWithoutResult(s -> {
                events.publishEvent(new TrainingCompleted(participant, voucher, "TR-001", "CERT-" + voucher, Instant.now()));
                events.publishEvent(new TrainingReviewed(participant, voucher, "TR-001", 5, Instant.now()));
            });
            out.add(new Earner(participant, h.token(), h.participant().who().phone()));
        }
        for (var e : out) {
            await().until(() -> db.sql("SELECT count(*) FROM incentive_payout WHERE participant_id = ?").param(e.id())
                    .query(Long.class).single() == 4);
            var linked = api.put("/api/v1/me/payout-account", Map.of("provider", "OVO", "accountNumber", e.phone()), e.token());
            assertThat(linked.status()).as(linked.raw()).isEqualTo(200);
        }
        return out;
    }

    @Test
    @DisplayName("R-72 two disbursement runs at once over the same due payouts pay each exactly once")
    void twoRunsAtOnce() throws Exception {
        var earners = earners(4);
        advance("P95D");
        // small batches, so that the two runs take turns over the same rows
        var settings = new IncentiveSettings("0 0 * * * *", 3, 4, 2, 3, Duration.ofHours(1), Duration.ofDays(30));
        var a = new Disbursement(dataSource, db, tx, ledger, provider, notifications, clock, settings);
        var b = new Disbursement(dataSource, db, tx, ledger, provider, notifications, clock, settings);
        var start = new CyclicBarrier(2);
        var runA = CompletableFuture.supplyAsync(() -> afterBarrier(start, () -> a.run(JobProgress.NONE)));
        var runB = CompletableFuture.supplyAsync(() -> afterBarrier(start, () -> b.run(JobProgress.NONE)));
        var ra = runA.get();
        var rb = runB.get();
        assertThat(ra.paid() + rb.paid()).isGreaterThanOrEqualTo(16);
        for (var e : earners) {
            assertThat(db.sql("SELECT count(*) FROM incentive_payout WHERE participant_id = ? AND status = 'PAID'")
                    .param(e.id()).query(Long.class).single()).isEqualTo(4);
            LedgerView.assertMoneyAgrees(db, api, e.id(), List.of(e.phone()), 4 * 600_000);
        }
    }

    @Test
    @DisplayName("R-72 a provider TIMEOUT (paid, answer lost) is settled by the next run's status query, not paid again; "
            + "the account cannot change meanwhile (409 PAYOUT_IN_PROGRESS)")
    void timeoutSettledByStatus() {
        var e = earners(1).getFirst();
        assertThat(api.post("/sandbox/payouts/failures", Map.of("accountNumber", e.phone(), "mode", "TIMEOUT", "times", 1))
                .status()).isEqualTo(201);
        ops.runJob("disbursement");
        var inFlight = api.get("/api/v1/me/incentives", e.token()).body().get("instalments").get(0);
        assertThat(inFlight.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(LedgerView.paidTo(api, e.phone())).hasSize(1);
        var change = api.put("/api/v1/me/payout-account", Map.of("provider", "OVO", "accountNumber", e.phone()), e.token());
        assertThat(change.code()).isEqualTo("PAYOUT_IN_PROGRESS");
        assertThat(ops.reconciliation().get("balanced").asBoolean()).isTrue();

        ops.runJob("disbursement");
        var paid = api.get("/api/v1/me/incentives", e.token()).body().get("instalments").get(0);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(LedgerView.paidTo(api, e.phone())).hasSize(1);
        LedgerView.assertMoneyAgrees(db, api, e.id(), List.of(e.phone()), 600_000);
    }

    @Test
    @DisplayName("R-72 Sandbox: a failure on demand and the provider's books take an e-wallet number as typed (08…), "
            + "and a refused payout is sent again under a new provider reference")
    void sandboxTakesNumbersAsTyped() {
        var e = earners(1).getFirst();
        String typed = "0" + e.phone().substring(3);
        var failure = api.post("/sandbox/payouts/failures", Map.of("accountNumber", typed, "mode", "REJECT", "times", 1));
        assertThat(failure.status()).as(failure.raw()).isEqualTo(201);
        assertThat(failure.body().get("accountNumber").asString()).isEqualTo(e.phone());
        assertThat(api.post("/sandbox/payouts/failures", Map.of("accountNumber", "12345", "mode", "REJECT", "times", 1))
                .status()).isEqualTo(400);
        UUID payout = PayoutIds.payout(e.id(), PayoutKind.INCENTIVE, 1);
        ops.runJob("disbursement");
        assertThat(db.sql("SELECT status || ' ' || coalesce(provider_reference::text, '-') FROM incentive_payout WHERE id = ?")
                .param(payout).query(String.class).single()).isEqualTo("SCHEDULED -");
        var none = api.get("/sandbox/payouts?accountNumber=" + typed);
        assertThat(none.body().size()).isZero();

        advance("PT2H");
        ops.runJob("disbursement");
        assertThat(db.sql("SELECT status FROM incentive_payout WHERE id = ?").param(payout).query(String.class).single())
                .isEqualTo("PAID");
        assertThat(api.get("/sandbox/payouts?accountNumber=" + typed).body().size()).isEqualTo(1);
        LedgerView.assertMoneyAgrees(db, api, e.id(), List.of(e.phone()), 600_000);
    }

    @Test
    @DisplayName("R-72 kill -9 between the provider's payment and its recording: the next run settles it by status, "
            + "and it is paid once")
    void crashBetweenPayAndRecording() throws Exception {
        var e = earners(1).getFirst();
        UUID payout = PayoutIds.payout(e.id(), PayoutKind.INCENTIVE, 1);
        scheduler.pause();
        var killed = Instance.process(context);
        try {
            try (var lock = dataSource.getConnection()) {
                lock.setAutoCommit(false);
                try (var st = lock.createStatement()) {
                    // recording a confirmation posts to PAID_OUT: it waits here, after the payment
                    st.execute("SELECT * FROM ledger_account WHERE id = 'PAID_OUT' FOR UPDATE");
                }
                var doomed = new Api(killed.port());
                // the test clock lives in each instance: the new one catches up with this one's
                var behind = Duration.between(new Operator(doomed).now(), ops.now()).plusMinutes(1);
                assertThat(doomed.post("/sandbox/clock", Map.of("advance", behind.toString())).status()).isEqualTo(200);
                var started = doomed.post("/api/v1/ops/jobs/disbursement", "", new Operator(doomed).token());
                assertThat(started.status()).as(started.raw()).isEqualTo(202);
                Await.until(Duration.ofSeconds(30), () -> db.sql("SELECT count(*) FROM provider_payment WHERE payout_id = ?")
                        .param(payout).query(Long.class).single() == 1, "the provider paid");
                killed.kill();
                lock.commit();
            }
            assertThat(db.sql("SELECT status FROM incentive_payout WHERE id = ?").param(payout).query(String.class).single())
                    .isEqualTo("PROCESSING");
            scheduler.resume();
            Await.until(Duration.ofSeconds(30), () -> {
                disbursement.run(JobProgress.NONE);
                return db.sql("SELECT status FROM incentive_payout WHERE id = ?").param(payout).query(String.class)
                        .single().equals("PAID");
            }, "settled by status");
            assertThat(LedgerView.paidTo(api, e.phone())).hasSize(1);
            LedgerView.assertMoneyAgrees(db, api, e.id(), List.of(e.phone()), 600_000);
            Await.until(Duration.ofSeconds(30), () -> db.sql("SELECT count(*) FROM job WHERE kind = 'disbursement' AND state = 'RUNNING'")
                    .query(Long.class).single() == 0, "the dead instance's job ended");
        } finally {
            killed.process().destroyForcibly();
            scheduler.resume();
        }
    }

    private void advance(String by) {
        assertThat(api.post("/sandbox/clock", Map.of("advance", by)).status()).isEqualTo(200);
    }

    /** {@code work} once every party of {@code barrier} has arrived: the runs start together. */
    static <T> T afterBarrier(CyclicBarrier barrier, java.util.function.Supplier<T> work) {
        try {
            barrier.await();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return work.get();
    }
}
