package org.prakerja.incentive;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.prakerja.common.Rupiah;
import org.prakerja.incentive.PaymentProvider.PayoutResult;
import org.prakerja.job.JobProgress;
import org.prakerja.ledger.AccountId;
import org.prakerja.ledger.Ledger;
import org.prakerja.ledger.Movement;
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
 * taking that key's lock) and settled by the provider's {@code status} of its reference, never by
 * paying again: PAID → posted, as in 4; REFUSED → as in 5; still in progress at the provider, or no
 * answer → left PROCESSING under this run's key, asked again by the next run; unknown to the
 * provider (the request never reached it) → its pending transfer voided and SCHEDULED again, due
 * now, KEEPING its reference: should the lost request still arrive, the provider takes the next
 * send for the same transaction and pays once (even when the account changed meanwhile: paid once,
 * to the account of the request that arrived first).
 * <li>Then batches, until none is left: at most {@code batchSize} SCHEDULED payouts whose
 * {@code next_attempt_at} has come and whose participant has a payout account, taken with
 * {@code FOR UPDATE SKIP LOCKED} (a payout another run holds is skipped, never waited for). In that
 * transaction each becomes PROCESSING with {@code attempts + 1}, the account it goes to, the run's
 * key and a provider reference (a new random one, unless it kept one in 2), and its amount moves as
 * a pending transfer INCENTIVE_PAYABLE:participant → INCENTIVE_PAYABLE:in-flight, one account for
 * all payouts in flight (id: {@link PayoutIds#send}). Committed, then sent:
 * {@code pay(reference, account, amount)}, {@code parallelism} calls at once; the reference is the
 * provider's idempotency key (SNAP BI's partnerReferenceNo).
 * <li>Confirmed: the pending transfer is posted to PAID_OUT ({@link PayoutIds#paid}) and the payout is
 * PAID with the provider's time; the first instalment paid opens the surveys.
 * <li>Refused: the pending transfer is voided back to INCENTIVE_PAYABLE ({@link PayoutIds#back}) and the
 * reference is cleared: the provider closed that transaction, and the next send is a new one. With
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
            PayoutProvider provider, String accountNumber, UUID reference, String holderName) {

        PaymentProvider.Transfer transfer() {
            return new PaymentProvider.Transfer(reference, id, provider, accountNumber, holderName, Rupiah.of(amount));
        }
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
    private final PayoutRecording recording;

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
        this.recording = new PayoutRecording(db, ledger, notifications, clock, settings);
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
        var tally = new RunTally();
        for (long dead : db.sql("SELECT DISTINCT claimed_by FROM incentive_payout WHERE status = 'PROCESSING' AND claimed_by <> ?")
                .param(run).query(Long.class).list()) {
            List<Sent> adopted = tx.execute(s -> adopt(dead, run));
            if (!adopted.isEmpty()) {
                var answers = adopted.stream().map(p -> new Answered(p, status(p))).toList();
                tx.executeWithoutResult(s -> recording.record(answers, run, true, tally));
                tally.settled.addAndGet(adopted.size());
            }
        }
        long total = countDue();
        progress.total(total);
        var done = new AtomicLong();
        try (var workers = Executors.newFixedThreadPool(settings.workers())) {
            var loops = new ArrayList<Future<?>>();
            for (int w = 0; w < settings.workers(); w++) {
                loops.add(workers.submit(() -> batches(run, total, tally, done, progress)));
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
        var result = tally.run();
        log.info("disbursement run done settled={} sent={} paid={} refused={} failed={} unanswered={}", result.settled(),
                result.sent(), result.paid(), result.refused(), result.failed(), result.unanswered());
        return result;
    }

    /** One worker's loop: take a batch, send it, record the answers, until none is due. */
    private void batches(long run, long total, RunTally tally, AtomicLong done, JobProgress progress) {
        while (true) {
            long t0 = System.nanoTime();
            List<Sent> batch = tx.execute(s -> claim(run));
            long t1 = System.nanoTime();
            tally.claimingNanos.addAndGet(t1 - t0);
            if (batch.isEmpty()) {
                return;
            }
            tally.sent.addAndGet(batch.size());
            var answers = payAll(batch);
            long t2 = System.nanoTime();
            tx.executeWithoutResult(s -> recording.record(answers, run, false, tally));
            tally.payingNanos.addAndGet(t2 - t1);
            tally.recordingNanos.addAndGet(System.nanoTime() - t2);
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
                RETURNING id, participant_id, kind, seq, amount, attempts, provider, account_number, provider_reference,
                    (SELECT a.holder_name FROM payout_account a WHERE a.participant_id = incentive_payout.participant_id)
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
                    account_number = a.account_number, updated_at = :now,
                    provider_reference = coalesce(p.provider_reference, gen_random_uuid())
                FROM due, payout_account a
                WHERE p.id = due.id AND a.participant_id = p.participant_id
                RETURNING p.id, p.participant_id, p.kind, p.seq, p.amount, p.attempts, p.provider, p.account_number,
                    p.provider_reference, a.holder_name
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
                    return new Answered(p, provider.pay(p.transfer()));
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

    /** Step 2's question; an inquiry without answer leaves the payout in flight, asked again by the next run. */
    private PayoutResult status(Sent p) {
        try {
            return provider.status(p.transfer());
        } catch (RuntimeException e) {
            log.warn("payout status without answer payout={} error={}", p.id(), e.getClass().getSimpleName());
            return new PayoutResult.Pending();
        }
    }

    private static Sent sent(java.sql.ResultSet rs, int i) throws SQLException {
        return new Sent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), PayoutKind.valueOf(rs.getString(3)),
                rs.getInt(4), rs.getLong(5), rs.getInt(6), PayoutProvider.valueOf(rs.getString(7)), rs.getString(8),
                rs.getObject(9, UUID.class), rs.getString(10));
    }
}
