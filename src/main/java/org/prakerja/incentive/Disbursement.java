package org.prakerja.incentive;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.prakerja.common.Rupiah;
import org.prakerja.incentive.PaymentProvider.PayoutResult;
import org.prakerja.job.JobProgress;
import org.prakerja.ledger.AccountId;
import org.prakerja.ledger.Ledger;
import org.prakerja.ledger.Movement;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notice;
import org.prakerja.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-72 disbursement: due payouts to the provider, in batches, each payout through the ledger as a
 * two-phase transfer, never paid twice.
 *
 * <p>The rule, for one run (several may run at once, on one instance or several):
 * <ol>
 * <li>The run takes a random 64-bit key and holds PostgreSQL's advisory lock on it for as long as it
 * runs; a payout it sent carries the key ({@code claimed_by}). A key nobody holds belongs to a run
 * that ended or died.
 * <li>Settle first: every PROCESSING payout whose run's key is free is adopted (one run wins it, by
 * taking that key's lock) and settled by the provider's {@code status}, never by paying again: PAID →
 * posted, as in 4; REFUSED → as in 5; unknown to the provider (the request never reached it) → its
 * pending transfer voided and SCHEDULED again, due now.
 * <li>Then batches, until none is left: at most {@code batchSize} SCHEDULED payouts whose
 * {@code next_attempt_at} has come and whose participant has a payout account, taken with
 * {@code FOR UPDATE SKIP LOCKED} (a payout another run holds is skipped, never waited for). In that
 * transaction each becomes PROCESSING with {@code attempts + 1}, the account it goes to, and the
 * run's key, and its amount moves as a pending transfer INCENTIVE_PAYABLE:participant →
 * INCENTIVE_PAYABLE:in-flight, one account for all payouts in flight (id: {@link PayoutIds#send}). Committed, then sent:
 * {@code pay(payoutId, account, amount)}, {@code parallelism} calls at once; the payout id is the
 * provider's idempotency key.
 * <li>Confirmed: the pending transfer is posted to PAID_OUT ({@link PayoutIds#paid}) and the payout is
 * PAID with the provider's time; the first instalment paid opens the surveys.
 * <li>Refused: the pending transfer is voided back to INCENTIVE_PAYABLE ({@link PayoutIds#back}). With
 * fewer than {@code maxAttempts} refusals since the account last changed, SCHEDULED again
 * {@code retryDelay × 2^(refusals - 1)} later; else FAILED with the provider's reason, and the
 * participant is told in the app and by email. A new payout account sends it again, its refusals
 * counted afresh ({@link PayoutAccounts}); the sends go on being numbered, so each has transfers of
 * its own.
 * <li>No answer (time-out, error): the payout stays PROCESSING under the run's key, to be settled
 * by the next run (2).
 * </ol>
 * Every recording statement is guarded by PROCESSING and the run's key, and every ledger transfer
 * has its derived id, so a step done twice moves nothing twice. Reconciliation is balanced after
 * every transaction: the money is in INCENTIVE_PAYABLE (held or in flight) or in PAID_OUT.
 */
@Service
public class Disbursement {

    private static final Logger log = LoggerFactory.getLogger(Disbursement.class);

    /**
     * What one run did, and where its time went: taking batches (with their pending transfers),
     * waiting for the provider, recording the answers (posts, voids, states, notices).
     */
    public record Run(int settled, int sent, int paid, int refused, int failed, int unanswered, Duration claiming,
            Duration paying, Duration recording) {
    }

    /** A payout as sent: the attempt names its ledger transfers. */
    record Sent(UUID id, UUID participantId, PayoutKind kind, int seq, long amount, int attempt,
            PayoutProvider provider, String accountNumber) {
    }

    record Answered(Sent payout, PayoutResult result) {
    }

    private final DataSource dataSource;
    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final PaymentProvider provider;
    private final Notifications notifications;
    private final Clock clock;
    private final IncentiveSettings settings;

    Disbursement(DataSource dataSource, JdbcClient db, TransactionTemplate tx, Ledger ledger, PaymentProvider provider,
            Notifications notifications, Clock clock, IncentiveSettings settings) {
        if (settings.retryDelay().isNegative() || settings.retryDelay().isZero()) {
            throw new IllegalArgumentException("prakerja.incentive.retry-delay must be positive");
        }
        this.dataSource = dataSource;
        this.db = db;
        this.tx = tx;
        this.ledger = ledger;
        this.provider = provider;
        this.notifications = notifications;
        this.clock = clock;
        this.settings = settings;
    }

    public Run run(JobProgress progress) {
        long key = ThreadLocalRandom.current().nextLong();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            advisory(c, "SELECT pg_advisory_lock(?)", key);
            try {
                return runHolding(key, progress);
            } finally {
                advisory(c, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("disbursement run key", e);
        }
    }

    private static void advisory(Connection c, String sql, long key) throws SQLException {
        try (var st = c.prepareStatement(sql)) {
            st.setLong(1, key);
            st.execute();
        }
    }

    private Run runHolding(long run, JobProgress progress) {
        var tally = new AtomicIntegerArray(6);
        for (long dead : db.sql("SELECT DISTINCT claimed_by FROM incentive_payout WHERE status = 'PROCESSING' AND claimed_by <> ?")
                .param(run).query(Long.class).list()) {
            List<Sent> adopted = tx.execute(s -> adopt(dead, run));
            if (!adopted.isEmpty()) {
                var answers = adopted.stream().map(p -> new Answered(p, provider.status(p.id()))).toList();
                tx.executeWithoutResult(s -> record(answers, run, true, tally));
                tally.addAndGet(0, adopted.size());
            }
        }
        long total = countDue();
        progress.total(total);
        var done = new AtomicLong();
        var clocks = new AtomicLongArray(3);
        try (var workers = Executors.newFixedThreadPool(settings.workers())) {
            var loops = new ArrayList<Future<?>>();
            for (int w = 0; w < settings.workers(); w++) {
                loops.add(workers.submit(() -> batches(run, total, tally, done, clocks, progress)));
            }
            for (var loop : loops) {
                loop.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("disbursement interrupted; its payouts are settled by the next run", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        // payouts another run took meanwhile count as done here too
        progress.advance(total - done.get());
        var result = new Run(tally.get(0), tally.get(1), tally.get(2), tally.get(3), tally.get(4), tally.get(5),
                Duration.ofNanos(clocks.get(0)), Duration.ofNanos(clocks.get(1)), Duration.ofNanos(clocks.get(2)));
        log.info("disbursement run done settled={} sent={} paid={} refused={} failed={} unanswered={}", result.settled(),
                result.sent(), result.paid(), result.refused(), result.failed(), result.unanswered());
        return result;
    }

    /** One worker's loop: take a batch, send it, record the answers, until none is due. */
    private void batches(long run, long total, AtomicIntegerArray tally, AtomicLong done, AtomicLongArray clocks,
            JobProgress progress) {
        while (true) {
            long t0 = System.nanoTime();
            List<Sent> batch = tx.execute(s -> claim(run));
            long t1 = System.nanoTime();
            clocks.addAndGet(0, t1 - t0);
            if (batch.isEmpty()) {
                return;
            }
            tally.addAndGet(1, batch.size());
            var answers = payAll(batch);
            long t2 = System.nanoTime();
            tx.executeWithoutResult(s -> record(answers, run, false, tally));
            clocks.addAndGet(1, t2 - t1);
            clocks.addAndGet(2, System.nanoTime() - t2);
            long before = done.getAndUpdate(d -> Math.min(total, d + batch.size()));
            progress.advance(Math.min(total, before + batch.size()) - before);
        }
    }

    private long countDue() {
        return db.sql("""
                SELECT count(*) FROM incentive_payout p
                WHERE p.status = 'SCHEDULED' AND p.next_attempt_at <= ?
                  AND EXISTS (SELECT 1 FROM payout_account a WHERE a.participant_id = p.participant_id)
                """).param(Timestamp.from(clock.instant())).query(Long.class).single();
    }

    /** Step 2: a dead run's payouts, taken over if nobody else has; empty if its key is still held. */
    private List<Sent> adopt(long dead, long run) {
        if (!db.sql("SELECT pg_try_advisory_xact_lock(?)").param(dead).query(Boolean.class).single()) {
            return List.of();
        }
        return db.sql("""
                UPDATE incentive_payout SET claimed_by = ?
                WHERE status = 'PROCESSING' AND claimed_by = ?
                RETURNING id, participant_id, kind, seq, amount, attempts, provider, account_number
                """).params(run, dead).query(Disbursement::sent).list();
    }

    /** Step 3: a batch taken and marked PROCESSING, its money pending; committed before any is sent. */
    private List<Sent> claim(long run) {
        var now = Timestamp.from(clock.instant());
        var batch = db.sql("""
                WITH due AS (
                    SELECT p.id FROM incentive_payout p JOIN payout_account a ON a.participant_id = p.participant_id
                    WHERE p.status = 'SCHEDULED' AND p.next_attempt_at <= :now
                    ORDER BY p.next_attempt_at, p.id
                    LIMIT :batch
                    FOR UPDATE OF p SKIP LOCKED)
                UPDATE incentive_payout p
                SET status = 'PROCESSING', attempts = p.attempts + 1, claimed_by = :run, provider = a.provider,
                    account_number = a.account_number, updated_at = :now
                FROM due, payout_account a
                WHERE p.id = due.id AND a.participant_id = p.participant_id
                RETURNING p.id, p.participant_id, p.kind, p.seq, p.amount, p.attempts, p.provider, p.account_number
                """)
                .param("now", now).param("batch", settings.batchSize()).param("run", run)
                .query(Disbursement::sent).list();
        ledger.reserveAll(batch.stream()
                .map(p -> new Movement(PayoutIds.send(p.id(), p.attempt()), AccountId.incentivePayable(p.participantId()),
                        AccountId.INCENTIVE_IN_FLIGHT, Rupiah.of(p.amount())))
                .toList(), "R-72 payout sent");
        return batch;
    }

    private List<Answered> payAll(List<Sent> batch) {
        var calls = new Semaphore(settings.parallelism());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Answered>> futures = batch.stream().map(p -> executor.submit(() -> {
                calls.acquire();
                try {
                    return new Answered(p, provider.pay(p.id(), p.provider(), p.accountNumber(), Rupiah.of(p.amount())));
                } catch (RuntimeException e) {
                    // no answer is an unknown outcome: settled by status, never by paying again
                    log.warn("payout without answer payout={} error={}", p.id(), e.getClass().getSimpleName());
                    return new Answered(p, new PayoutResult.Unknown());
                } finally {
                    calls.release();
                }
            })).toList();
            var answers = new ArrayList<Answered>(futures.size());
            for (var f : futures) {
                answers.add(f.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("disbursement interrupted; its payouts are settled by the next run", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Steps 4 to 6, and 2's outcomes, in one transaction. */
    private void record(List<Answered> answers, long run, boolean settling, AtomicIntegerArray tally) {
        var paid = answers.stream().filter(a -> a.result() instanceof PayoutResult.Paid).toList();
        var refused = answers.stream().filter(a -> a.result() instanceof PayoutResult.Refused).toList();
        var unknown = answers.stream().filter(a -> a.result() instanceof PayoutResult.Unknown).toList();
        var now = Timestamp.from(clock.instant());
        if (!paid.isEmpty()) {
            var recorded = db.sql("""
                    UPDATE incentive_payout p
                    SET status = 'PAID', paid_at = u.paid_at, claimed_by = NULL, failure_reason = NULL, updated_at = :now
                    FROM unnest(:ids::uuid[], :paidAt::timestamptz[]) AS u(id, paid_at)
                    WHERE p.id = u.id AND p.status = 'PROCESSING' AND p.claimed_by = :run
                    RETURNING p.participant_id, p.kind, p.seq, p.amount, p.paid_at
                    """)
                    .param("ids", paid.stream().map(a -> a.payout().id()).toArray(UUID[]::new))
                    .param("paidAt", paid.stream().map(a -> Timestamp.from(((PayoutResult.Paid) a.result()).paidAt()))
                            .toArray(Timestamp[]::new))
                    .param("now", now).param("run", run)
                    .query((rs, i) -> new Recorded(rs.getObject(1, UUID.class), PayoutKind.valueOf(rs.getString(2)),
                            rs.getInt(3), rs.getLong(4), rs.getTimestamp(5), null))
                    .list();
            var firsts = recorded.stream().filter(r -> r.kind() == PayoutKind.INCENTIVE && r.seq() == 1).toList();
            if (!firsts.isEmpty()) {
                // R-73 the surveys open: the first now, each next one an interval after the previous
                db.sql("""
                        UPDATE incentive_survey s
                        SET opens_at = u.paid_at + (s.seq - 1) * make_interval(secs => :interval)
                        FROM unnest(:participants::uuid[], :paidAt::timestamptz[]) AS u(participant_id, paid_at)
                        WHERE s.participant_id = u.participant_id AND s.opens_at IS NULL
                        """)
                        .param("participants", firsts.stream().map(Recorded::participantId).toArray(UUID[]::new))
                        .param("paidAt", firsts.stream().map(Recorded::at).toArray(Timestamp[]::new))
                        .param("interval", (double) settings.surveyInterval().toSeconds())
                        .update();
            }
            byAmount(recorded).forEach((amount, participants) -> notifications.inAppAll(participants,
                    Notice.of("INCENTIVE_PAID", Rupiah.of(amount).formatted())));
            tally.addAndGet(2, recorded.size());
        }
        if (!refused.isEmpty()) {
            var recorded = db.sql("""
                    UPDATE incentive_payout p
                    SET status = CASE WHEN p.refusals + 1 >= :max THEN 'FAILED' ELSE 'SCHEDULED' END,
                        next_attempt_at = CASE WHEN p.refusals + 1 >= :max THEN NULL
                            ELSE CAST(:now AS timestamptz) + power(2, p.refusals) * make_interval(secs => :delay) END,
                        refusals = p.refusals + 1, failure_reason = u.reason, claimed_by = NULL, updated_at = :now
                    FROM unnest(:ids::uuid[], :reasons::text[]) AS u(id, reason)
                    WHERE p.id = u.id AND p.status = 'PROCESSING' AND p.claimed_by = :run
                    RETURNING p.participant_id, p.kind, p.seq, p.amount, p.updated_at, p.status
                    """)
                    .param("ids", refused.stream().map(a -> a.payout().id()).toArray(UUID[]::new))
                    .param("reasons", refused.stream().map(a -> ((PayoutResult.Refused) a.result()).reason())
                            .toArray(String[]::new))
                    .param("max", settings.maxAttempts()).param("now", now).param("run", run)
                    .param("delay", (double) settings.retryDelay().toSeconds())
                    .query((rs, i) -> new Recorded(rs.getObject(1, UUID.class), PayoutKind.valueOf(rs.getString(2)),
                            rs.getInt(3), rs.getLong(4), rs.getTimestamp(5), rs.getString(6)))
                    .list();
            var failed = recorded.stream().filter(r -> r.status().equals(PayoutStatus.FAILED.name())).toList();
            byAmount(failed).forEach((amount, participants) -> {
                String money = Rupiah.of(amount).formatted();
                notifications.inAppAll(participants, Notice.of("INCENTIVE_FAILED", money));
                notifications.sendAll(participants.stream().map(p -> Message.email(p, "email.incentive-failed", money))
                        .toList());
            });
            tally.addAndGet(3, recorded.size());
            tally.addAndGet(4, failed.size());
        }
        if (!unknown.isEmpty() && settling) {
            // the provider never received it: nothing was paid, so it is sent again, as it was
            db.sql("""
                    UPDATE incentive_payout SET status = 'SCHEDULED', next_attempt_at = :now, claimed_by = NULL,
                        updated_at = :now
                    WHERE id = ANY(:ids::uuid[]) AND status = 'PROCESSING' AND claimed_by = :run
                    """)
                    .param("ids", unknown.stream().map(a -> a.payout().id()).toArray(UUID[]::new))
                    .param("now", now).param("run", run).update();
        } else {
            tally.addAndGet(5, unknown.size());
        }
        // The ledger last, voids before posts: the accounts are then locked in their one order (the
        // participants' payable accounts, the in-flight account, PAID_OUT), and the in-flight account,
        // which every batch changes, is held only for these statements and the commit.
        var voids = new ArrayList<>(back(refused));
        if (settling) {
            voids.addAll(back(unknown));
        }
        ledger.voidAll(voids, refused.isEmpty() ? "R-72 payout never received"
                : voids.size() > refused.size() ? "R-72 payout refused or never received" : "R-72 payout refused");
        ledger.postAll(paid.stream().map(a -> new Ledger.Resolution(PayoutIds.paid(a.payout().id(), a.payout().attempt()),
                PayoutIds.send(a.payout().id(), a.payout().attempt()), AccountId.PAID_OUT)).toList(),
                "R-72 payout confirmed");
    }

    private static List<Ledger.Resolution> back(List<Answered> answers) {
        return answers.stream().map(a -> new Ledger.Resolution(PayoutIds.back(a.payout().id(), a.payout().attempt()),
                PayoutIds.send(a.payout().id(), a.payout().attempt()), null)).toList();
    }

    private record Recorded(UUID participantId, PayoutKind kind, int seq, long amount, Timestamp at, String status) {
    }

    private static Map<Long, List<UUID>> byAmount(List<Recorded> recorded) {
        return recorded.stream().collect(Collectors.groupingBy(Recorded::amount,
                Collectors.mapping(Recorded::participantId, Collectors.toList())));
    }

    private static Sent sent(java.sql.ResultSet rs, int i) throws SQLException {
        return new Sent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), PayoutKind.valueOf(rs.getString(3)),
                rs.getInt(4), rs.getLong(5), rs.getInt(6), PayoutProvider.valueOf(rs.getString(7)), rs.getString(8));
    }
}
