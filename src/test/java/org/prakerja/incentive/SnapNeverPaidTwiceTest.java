package org.prakerja.incentive;

import org.prakerja.support.Ports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.job.JobProgress;
import org.prakerja.ledger.Ledger;
import org.prakerja.notification.Notifications;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.simulator.snap.SnapSimulator;
import org.prakerja.simulator.snap.SnapSimulator.Behaviour;
import org.prakerja.simulator.snap.SnapSimulatorMain;
import org.prakerja.support.Api;
import org.prakerja.support.Await;
import org.prakerja.support.CardHolders;
import org.prakerja.support.Instance;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.training.TrainingCompleted;
import org.prakerja.training.TrainingReviewed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-72 never paid twice, over SNAP BI (issue 19): the service's payment port is the SNAP adapter
 * (all its settings set), the bank the SNAP simulator on a real port. Two runs at once over payouts
 * meeting a time-out, a 5xx, an in-progress answer and insufficient funds; a service killed between the
 * bank's payment and its recording. The simulator counts payments per payout: at most one, and the
 * ledger balanced. Its own context (the SNAP settings), smaller than NeverPaidTwiceTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "prakerja.payment.snap.client-key=prakerja-test", "prakerja.payment.snap.client-secret=test-secret",
        "prakerja.payment.snap.source-account=1234567890", "prakerja.payment.snap.request-timeout=PT1S"})
@ActiveProfiles({"sandbox", "test"})
class SnapNeverPaidTwiceTest {

    private static final int PORT = Ports.free();
    private static final Path KEY;
    private static final SnapSimulator SIM;

    static {
        try {
            var keys = SnapSimulatorMain.generate();
            KEY = Files.createTempFile("snap-test", ".pem");
            Files.writeString(KEY, SnapSimulatorMain.pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            SIM = new SnapSimulator(PORT, "prakerja-test", keys.getPublic(), "test-secret", Duration.ofMinutes(15));
            SIM.slowAnswer(Duration.ofMillis(2500));
            // the adapter is chosen before the context starts (common/OutsideSystems), before dynamic properties
            // exist: system properties, set until this class ends
            System.setProperty("prakerja.payment.snap.base-url", SIM.baseUrl());
            System.setProperty("prakerja.payment.snap.private-key", KEY.toString());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @AfterAll
    static void stopSimulator() {
        System.clearProperty("prakerja.payment.snap.base-url");
        System.clearProperty("prakerja.payment.snap.private-key");
        SIM.close();
    }

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

    Api api;
    Operator ops;
    CardHolders holders;

    record Earner(UUID id, String token, String phone) {
        UUID payout() {
            return PayoutIds.payout(id, PayoutKind.INCENTIVE, 1);
        }

        String customerNumber() {
            return phone.substring(1);
        }
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ops = new Operator(api);
        holders = new CardHolders(api, new Journey(api, relay), ops);
        SIM.names(account -> db.sql("SELECT full_name FROM participant WHERE phone = ?").param("+" + account)
                .query(String.class).optional().orElse(null));
    }

    @AfterEach
    void paidOnceAndBalanced() {
        SIM.paymentsByPayout().forEach((payout, n) -> assertThat(n.get()).as("payments of " + payout).isLessThanOrEqualTo(1));
        var r = ops.reconciliation();
        assertThat(r.get("balanced").asBoolean()).as(r.toString()).isTrue();
    }

    @Test
    @DisplayName("R-97 The SNAP adapter is the payment port where all its settings are set; its health (a token obtained) "
            + "is in the readiness group")
    void snapIsThePort() {
        assertThat(provider.getClass().getSimpleName()).isEqualTo("SnapBiPaymentProvider");
        var health = context.getBean("snapBi", org.springframework.boot.health.contributor.HealthIndicator.class).health();
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat(context.getEnvironment().getProperty("management.endpoint.health.group.readiness.include"))
                .contains("snapBi");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R-72 R-97 over SNAP: two runs at once; a time-out, a 5xx and an in-progress transfer are settled by status "
            + "(paid once, or sent again under the same reference); insufficient funds is refused and sent again "
            + "under a new reference")
    void twoRunsAtOnceWithFailures() throws Exception {
        var earners = earners(5);
        SIM.behave(earners.get(0).customerNumber(), Behaviour.TIMEOUT, 1);
        SIM.behave(earners.get(1).customerNumber(), Behaviour.SERVER_ERROR, 1);
        SIM.behave(earners.get(2).customerNumber(), Behaviour.PENDING, 1);
        SIM.behave(earners.get(3).customerNumber(), Behaviour.INSUFFICIENT_FUNDS, 1);
        var settings = new IncentiveSettings("0 0 * * * *", 2, 4, 2, 3, Duration.ofHours(1), Duration.ofDays(30));
        var a = new Disbursement(dataSource, db, tx, ledger, provider, notifications, clock, settings);
        var b = new Disbursement(dataSource, db, tx, ledger, provider, notifications, clock, settings);
        var start = new CyclicBarrier(2);
        var runA = CompletableFuture.supplyAsync(() -> NeverPaidTwiceTest.afterBarrier(start, () -> a.run(JobProgress.NONE)));
        var runB = CompletableFuture.supplyAsync(() -> NeverPaidTwiceTest.afterBarrier(start, () -> b.run(JobProgress.NONE)));
        runA.get();
        runB.get();
        var refused = earners.get(3).payout();
        assertThat(db.sql("SELECT status || ' ' || failure_reason || ' ' || coalesce(provider_reference::text, '-') "
                + "FROM incentive_payout WHERE id = ?").param(refused).query(String.class).single())
                .isEqualTo("SCHEDULED INSUFFICIENT_FUNDS -");
        assertThat(status(earners.get(4).payout())).isEqualTo("PAID");
        for (int i = 0; i < 3; i++) {
            assertThat(status(earners.get(i).payout())).as("earner " + i).isEqualTo("PROCESSING");
        }
        var referenceBefore = reference(earners.get(1).payout());

        // the next run settles: time-out → paid; 5xx → never received, sent again under its reference; pending stays
        disbursement.run(JobProgress.NONE);
        assertThat(status(earners.get(0).payout())).isEqualTo("PAID");
        assertThat(status(earners.get(2).payout())).isEqualTo("PROCESSING");
        assertThat(status(earners.get(1).payout())).isIn("PAID", "SCHEDULED");
        if (status(earners.get(1).payout()).equals("SCHEDULED")) {
            disbursement.run(JobProgress.NONE);
        }
        assertThat(status(earners.get(1).payout())).isEqualTo("PAID");
        assertThat(SIM.transactions()).containsKey(referenceBefore.replace("-", ""));

        SIM.completePending();
        assertThat(api.post("/sandbox/clock", Map.of("advance", "PT2H")).status()).isEqualTo(200);
        disbursement.run(JobProgress.NONE);
        for (var e : earners) {
            assertThat(status(e.payout())).isEqualTo("PAID");
            assertThat(SIM.paymentsOf(e.payout().toString())).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("R-72 R-97 over SNAP: kill -9 between the bank's payment and its recording: the next run settles it by "
            + "status, and the bank paid it once")
    void crashBetweenPayAndRecording() throws Exception {
        var e = earners(1).getFirst();
        UUID payout = e.payout();
        scheduler.pause();
        var killed = Instance.process(context, "--prakerja.payment.snap.base-url=" + SIM.baseUrl(),
                "--prakerja.payment.snap.private-key=" + KEY, "--prakerja.payment.snap.client-key=prakerja-test",
                "--prakerja.payment.snap.client-secret=test-secret", "--prakerja.payment.snap.source-account=1234567890");
        try {
            try (var lock = dataSource.getConnection()) {
                lock.setAutoCommit(false);
                try (var st = lock.createStatement()) {
                    // recording a confirmation posts to PAID_OUT: it waits here, after the payment
                    st.execute("SELECT * FROM ledger_account WHERE id = 'PAID_OUT' FOR UPDATE");
                }
                var doomed = new Api(killed.port());
                var behind = Duration.between(new Operator(doomed).now(), ops.now()).plusMinutes(1);
                assertThat(doomed.post("/sandbox/clock", Map.of("advance", behind.toString())).status()).isEqualTo(200);
                var started = doomed.post("/api/v1/ops/jobs/disbursement", "", new Operator(doomed).token());
                assertThat(started.status()).as(started.raw()).isEqualTo(202);
                Await.until(Duration.ofSeconds(30), () -> SIM.paymentsOf(payout.toString()) == 1, "the bank paid");
                killed.kill();
                lock.commit();
            }
            assertThat(status(payout)).isEqualTo("PROCESSING");
            scheduler.resume();
            Await.until(Duration.ofSeconds(30), () -> {
                disbursement.run(JobProgress.NONE);
                return status(payout).equals("PAID");
            }, "settled by status");
            assertThat(SIM.paymentsOf(payout.toString())).isEqualTo(1);
        } finally {
            killed.process().destroyForcibly();
            scheduler.resume();
        }
    }

    private String status(UUID payout) {
        return db.sql("SELECT status FROM incentive_payout WHERE id = ?").param(payout).query(String.class).single();
    }

    private String reference(UUID payout) {
        return db.sql("SELECT provider_reference::text FROM incentive_payout WHERE id = ?").param(payout)
                .query(String.class).single();
    }

    /** Card holders whose first training is completed and reviewed, with their e-wallet linked (asked of the bank). */
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


}
