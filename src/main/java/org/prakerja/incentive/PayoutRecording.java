package org.prakerja.incentive;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.prakerja.common.Rupiah;
import org.prakerja.incentive.Disbursement.Answered;
import org.prakerja.incentive.PaymentProvider.PayoutResult;
import org.prakerja.ledger.AccountId;
import org.prakerja.ledger.Ledger;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notice;
import org.prakerja.notification.Notifications;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a disbursement run writes once the provider has answered a batch: each answer's payout
 * state, the participants' notices, and the batch's ledger transfers (see {@link Disbursement}'s
 * steps). Every statement is guarded by PROCESSING and the run's key, so recording twice changes
 * nothing twice.
 */
final class PayoutRecording {

    private final JdbcClient db;
    private final Ledger ledger;
    private final Notifications notifications;
    private final Clock clock;
    private final IncentiveSettings settings;

    PayoutRecording(JdbcClient db, Ledger ledger, Notifications notifications, Clock clock, IncentiveSettings settings) {
        this.db = db;
        this.ledger = ledger;
        this.notifications = notifications;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Steps 4 to 6 of {@link Disbursement}, and 2's outcomes, in the caller's one transaction: the
     * payouts' states first, then the ledger. {@code settling}: the answers are a dead run's payouts
     * asked by status, so a payout unknown to the provider was never received and goes back.
     */
    void record(List<Answered> answers, long run, boolean settling, RunTally tally) {
        var paid = answers.stream().filter(a -> a.result() instanceof PayoutResult.Paid).toList();
        var refused = answers.stream().filter(a -> a.result() instanceof PayoutResult.Refused).toList();
        var unknown = answers.stream().filter(a -> a.result() instanceof PayoutResult.Unknown).toList();
        // pending: stays PROCESSING under this run's key, so the next run adopts and asks it again
        tally.unanswered.addAndGet((int) answers.stream().filter(a -> a.result() instanceof PayoutResult.Pending).count());
        var now = Timestamp.from(clock.instant());
        if (!paid.isEmpty()) {
            tally.paid.addAndGet(paid(paid, run, now));
        }
        if (!refused.isEmpty()) {
            refused(refused, run, now, tally);
        }
        if (settling) {
            sendAgain(unknown, run, now);
        } else {
            tally.unanswered.addAndGet(unknown.size());
        }
        ledger(paid, refused, settling ? unknown : List.of());
    }

    /** Step 4: PAID with the provider's time; a first instalment opens the surveys. Returns how many. */
    private int paid(List<Answered> paid, long run, Timestamp now) {
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
        return recorded.size();
    }

    /**
     * Step 5: SCHEDULED again after a growing delay, or FAILED once the retries are used up, and told; the
     * reference cleared, as the provider closed that transaction.
     */
    private void refused(List<Answered> refused, long run, Timestamp now, RunTally tally) {
        var recorded = db.sql("""
                UPDATE incentive_payout p
                SET status = CASE WHEN p.refusals + 1 >= :max THEN 'FAILED' ELSE 'SCHEDULED' END,
                    next_attempt_at = CASE WHEN p.refusals + 1 >= :max THEN NULL
                        ELSE CAST(:now AS timestamptz) + power(2, p.refusals) * make_interval(secs => :delay) END,
                    refusals = p.refusals + 1, failure_reason = u.reason, claimed_by = NULL, provider_reference = NULL,
                    updated_at = :now
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
        tally.refused.addAndGet(recorded.size());
        tally.failed.addAndGet(failed.size());
    }

    /**
     * Step 2's unknown: the provider never received it, nothing was paid, so it is sent again, as it was,
     * under the same reference (should the lost request arrive late, the provider pays it once).
     */
    private void sendAgain(List<Answered> unknown, long run, Timestamp now) {
        if (!unknown.isEmpty()) {
            db.sql("""
                    UPDATE incentive_payout SET status = 'SCHEDULED', next_attempt_at = :now, claimed_by = NULL,
                        updated_at = :now
                    WHERE id = ANY(:ids::uuid[]) AND status = 'PROCESSING' AND claimed_by = :run
                    """)
                    .param("ids", unknown.stream().map(a -> a.payout().id()).toArray(UUID[]::new))
                    .param("now", now).param("run", run).update();
        }
    }

    /** Step 6, last. */
    private void ledger(List<Answered> paid, List<Answered> refused, List<Answered> neverReceived) {
        // The ledger last, voids before posts: the accounts are then locked in their one order (the
        // participants' payable accounts, the in-flight account, PAID_OUT), and the in-flight account,
        // which every batch changes, is held only for these statements and the commit.
        var voids = new ArrayList<>(back(refused));
        voids.addAll(back(neverReceived));
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
}
