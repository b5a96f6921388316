package org.prakerja.incentive;

import jakarta.annotation.Nullable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.prakerja.card.CardStatus;
import org.prakerja.card.CardView;
import org.prakerja.card.Cards;
import org.prakerja.card.CardsRevoked;
import org.prakerja.common.Masking;
import org.prakerja.common.Rupiah;
import org.prakerja.ledger.AccountId;
import org.prakerja.ledger.Ledger;
import org.prakerja.ledger.Movement;
import org.prakerja.notification.Notice;
import org.prakerja.notification.Notifications;
import org.prakerja.scheme.Scheme;
import org.prakerja.scheme.Schemes;
import org.prakerja.training.TrainingCompleted;
import org.prakerja.training.TrainingReviewed;
import org.prakerja.wave.Waves;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-70 who earns the post-training incentive, and R-74 what the dashboard says about it.
 *
 * <p>The rule, as the facts arrive from the other modules' events ({@code TrainingCompleted},
 * {@code TrainingReviewed}, {@code CardsRevoked}; each may arrive twice or out of order, and
 * handling one again changes nothing):
 * <ol>
 * <li>The participant's <em>first</em> completed training is the one with the earliest completion
 * time; a later completion never replaces it, and once the incentive is earned nothing replaces it.
 * <li>The incentive is earned, once, when that training has its certificate and the participant's
 * review, whatever the test scores, and the card is active and was never revoked. A revoked card, or
 * no card, earns nothing; a second training earns nothing more.
 * <li>Earning creates the wave's scheme's instalments ({@code incentiveCount} payouts of
 * {@code incentiveAmount}, R-25) and its surveys ({@code surveyCount}, locked), and moves the
 * instalments' money from PROGRAM_FUND to INCENTIVE_PAYABLE:participant (ids: {@link PayoutIds}).
 * <li>The schedule starts when every condition holds, the payout account included: at earning if
 * the account is linked, else when it is linked. Instalment n is then due
 * {@code (n - 1) × incentiveIntervalDays} days after the start; the first goes in the next
 * disbursement run.
 * <li>The surveys open when the first instalment is paid: survey n opens
 * {@code (n - 1) × 30} days after that payment.
 * </ol>
 */
@Service
@Transactional
public class Incentives {

    private final JdbcClient db;
    private final Ledger ledger;
    private final Cards cards;
    private final Waves waves;
    private final Schemes schemes;
    private final Notifications notifications;
    private final Clock clock;

    Incentives(JdbcClient db, Ledger ledger, Cards cards, Waves waves, Schemes schemes, Notifications notifications,
            Clock clock) {
        this.schemes = schemes;
        this.db = db;
        this.ledger = ledger;
        this.cards = cards;
        this.waves = waves;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** R-70 a completed training with its certificate: the first one counts. */
    public void completed(TrainingCompleted completed) {
        lockEntitlement(completed.participantId());
        db.sql("""
                UPDATE incentive_entitlement
                SET purchase_id = :voucher, completed_at = :at, certificate_number = :certificate
                WHERE participant_id = :participant AND earned_at IS NULL
                  AND (completed_at IS NULL OR completed_at > :at)
                """)
                .param("voucher", completed.purchaseId()).param("at", Timestamp.from(completed.completedAt()))
                .param("certificate", completed.certificateNumber()).param("participant", completed.participantId())
                .update();
        tryEarn(completed.participantId());
    }

    /** R-70 a review: it counts when it is of the first completed training. */
    public void reviewed(TrainingReviewed reviewed) {
        lockEntitlement(reviewed.participantId());
        db.sql("""
                INSERT INTO incentive_review (participant_id, purchase_id, reviewed_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """)
                .params(reviewed.participantId(), reviewed.purchaseId(), Timestamp.from(reviewed.reviewedAt()))
                .update();
        tryEarn(reviewed.participantId());
    }

    /** R-33 a revoked card receives no incentive: one statement for the chunk. */
    public void revoked(CardsRevoked revoked) {
        db.sql("""
                INSERT INTO incentive_entitlement (participant_id, card_revoked_at)
                SELECT p, :at FROM unnest(:participants::uuid[]) AS p
                ON CONFLICT (participant_id) DO UPDATE SET card_revoked_at = coalesce(incentive_entitlement.card_revoked_at,
                    EXCLUDED.card_revoked_at)
                """)
                .param("at", Timestamp.from(revoked.revokedAt()))
                .param("participants", revoked.participantIds().toArray(UUID[]::new))
                .update();
    }

    /** The participant's row, created if need be, locked: the facts about one participant go one at a time. */
    private void lockEntitlement(UUID participantId) {
        db.sql("INSERT INTO incentive_entitlement (participant_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(participantId).update();
        db.sql("SELECT 1 FROM incentive_entitlement WHERE participant_id = ? FOR UPDATE").param(participantId)
                .query(Integer.class).single();
    }

    private void tryEarn(UUID participantId) {
        var e = entitlement(participantId).orElseThrow();
        if (e.earnedAt() != null || e.purchaseId() == null || e.certificateNumber() == null || e.cardRevokedAt() != null
                || !e.reviewed()) {
            return;
        }
        var card = cards.ofParticipant(participantId);
        if (card.isEmpty() || card.get().status() != CardStatus.ACTIVE) {
            return;
        }
        Scheme scheme = waves.schemeOf(card.get().wave()).orElseThrow();
        Instant now = clock.instant();
        boolean hasAccount = db.sql("SELECT EXISTS (SELECT 1 FROM payout_account WHERE participant_id = ?)")
                .param(participantId).query(Boolean.class).single();
        Instant start = hasAccount ? now : null;
        var funding = new ArrayList<Movement>();
        for (int seq = 1; seq <= scheme.incentiveCount(); seq++) {
            UUID id = PayoutIds.payout(participantId, PayoutKind.INCENTIVE, seq);
            Instant due = start == null ? null : start.plus(Duration.ofDays((long) (seq - 1) * scheme.incentiveIntervalDays()));
            db.sql("""
                    INSERT INTO incentive_payout (id, participant_id, kind, seq, amount, status, due_at, next_attempt_at,
                        updated_at)
                    VALUES (?, ?, 'INCENTIVE', ?, ?, 'SCHEDULED', ?, ?, ?) ON CONFLICT DO NOTHING
                    """)
                    .params(id, participantId, seq, scheme.incentiveAmount(), timestamp(due), timestamp(due),
                            Timestamp.from(now))
                    .update();
            funding.add(new Movement(PayoutIds.funding(id), AccountId.PROGRAM_FUND,
                    AccountId.incentivePayable(participantId), Rupiah.of(scheme.incentiveAmount())));
        }
        for (int seq = 1; seq <= scheme.surveyCount(); seq++) {
            db.sql("INSERT INTO incentive_survey (participant_id, seq, amount) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(participantId, seq, scheme.surveyAmount()).update();
        }
        ledger.transferAll(funding, "R-70 incentive earned, scheme " + scheme.name());
        db.sql("UPDATE incentive_entitlement SET earned_at = ?, scheme = ?, schedule_start = ? WHERE participant_id = ?")
                .params(Timestamp.from(now), scheme.name(), timestamp(start), participantId).update();
        notifications.inApp(participantId, Notice.of("INCENTIVE_EARNED",
                Rupiah.of(scheme.incentiveAmount() * scheme.incentiveCount()).formatted(), scheme.incentiveCount()));
    }

    /**
     * R-70 the account is linked (PayoutAccounts, in its transaction): the schedule starts now if the
     * incentive is earned and had not started; R-72 payouts parked FAILED are sent again.
     */
    void accountLinked(UUID participantId) {
        Instant now = clock.instant();
        var started = db.sql("""
                UPDATE incentive_entitlement SET schedule_start = ?
                WHERE participant_id = ? AND earned_at IS NOT NULL AND schedule_start IS NULL
                RETURNING scheme
                """).params(Timestamp.from(now), participantId).query(String.class).optional();
        started.ifPresent(name -> {
            var scheme = schemes.named(name);
            db.sql("""
                    UPDATE incentive_payout
                    SET due_at = CAST(:start AS timestamptz) + (seq - 1) * make_interval(days => :interval), updated_at = :start
                    WHERE participant_id = :participant AND kind = 'INCENTIVE' AND due_at IS NULL
                    """)
                    .param("start", Timestamp.from(now)).param("interval", scheme.incentiveIntervalDays())
                    .param("participant", participantId).update();
            db.sql("""
                    UPDATE incentive_payout SET next_attempt_at = due_at
                    WHERE participant_id = ? AND status = 'SCHEDULED' AND next_attempt_at IS NULL
                    """).param(participantId).update();
        });
        // FAILED → SCHEDULED (PayoutStatus), to the new account, with the refusals counted afresh
        db.sql("""
                UPDATE incentive_payout SET status = 'SCHEDULED', refusals = 0, next_attempt_at = ?, updated_at = ?
                WHERE participant_id = ? AND status = 'FAILED'
                """).params(Timestamp.from(now), Timestamp.from(now), participantId).update();
    }

    private record Entitlement(UUID purchaseId, String certificateNumber, Instant cardRevokedAt, Instant earnedAt,
            String scheme, boolean reviewed) {
    }

    private Optional<Entitlement> entitlement(UUID participantId) {
        return db.sql("""
                SELECT e.purchase_id, e.certificate_number, e.card_revoked_at, e.earned_at, e.scheme,
                       EXISTS (SELECT 1 FROM incentive_review r
                               WHERE r.participant_id = e.participant_id AND r.purchase_id = e.purchase_id) AS reviewed
                FROM incentive_entitlement e WHERE e.participant_id = ?
                """)
                .param(participantId)
                .query((rs, i) -> new Entitlement(rs.getObject(1, UUID.class), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), rs.getString(5), rs.getBoolean(6)))
                .optional();
    }

    /** R-74 GET /api/v1/me/incentives. */
    public record IncentivesView(boolean eligible, List<String> missing, long total, long paid,
            @Nullable String scheme, List<InstalmentView> instalments, List<SurveyView> surveys) {
    }

    public record InstalmentView(int seq, long amount, @Nullable Instant dueAt, PayoutStatus status,
            @Nullable Instant paidAt, @Nullable String failureReason, @Nullable String accountNumberMasked) {
    }

    public record SurveyView(int seq, long amount, SurveyStatus status, @Nullable Instant opensAt,
            @Nullable SurveyPayout payout) {
    }

    public record SurveyPayout(PayoutStatus status, @Nullable Instant paidAt) {
    }

    /** A survey as the participant sees it: not open yet, open, or answered. */
    public enum SurveyStatus { LOCKED, OPEN, ANSWERED }

    /**
     * What {@link IncentiveState#of(IncentivesView)} and {@link IncentiveState#firstPaid} say of
     * {@link #view}, from one query: the dashboard shows only this. The card is the caller's, already
     * read; a card that is not active counts as revoked, as in the view.
     */
    @Transactional(readOnly = true)
    public IncentiveState.Summary summary(UUID participantId, CardView card) {
        var found = db.sql("""
                SELECT e.purchase_id IS NOT NULL AND e.certificate_number IS NOT NULL AND e.card_revoked_at IS NULL
                       AND EXISTS (SELECT 1 FROM incentive_review r
                                   WHERE r.participant_id = e.participant_id AND r.purchase_id = e.purchase_id)
                       AND EXISTS (SELECT 1 FROM payout_account a WHERE a.participant_id = e.participant_id),
                       (SELECT array_agg(p.status ORDER BY p.seq) FROM incentive_payout p
                        WHERE p.participant_id = e.participant_id AND p.kind = 'INCENTIVE')
                FROM incentive_entitlement e WHERE e.participant_id = ?
                """)
                .param(participantId)
                .query((rs, i) -> {
                    var array = rs.getArray(2);
                    var statuses = array == null ? List.<PayoutStatus>of()
                            : Arrays.stream((String[]) array.getArray()).map(PayoutStatus::valueOf).toList();
                    return new IncentiveState.Summary(
                            IncentiveState.of(rs.getBoolean(1) && card.status() == CardStatus.ACTIVE, statuses),
                            !statuses.isEmpty() && statuses.getFirst() == PayoutStatus.PAID);
                })
                .optional();
        return found.orElse(new IncentiveState.Summary(IncentiveState.NOT_ELIGIBLE, false));
    }

    @Transactional(readOnly = true)
    public IncentivesView view(UUID participantId) {
        var e = entitlement(participantId);
        var card = cards.ofParticipant(participantId);
        Optional<Scheme> scheme = card.flatMap(c -> waves.schemeOf(c.wave()));
        var account = db.sql("SELECT account_number FROM payout_account WHERE participant_id = ?").param(participantId)
                .query(String.class).optional();
        boolean revoked = e.map(x -> x.cardRevokedAt() != null).orElse(false)
                || card.map(c -> c.status() != CardStatus.ACTIVE).orElse(false);
        var missing = new ArrayList<String>();
        if (revoked) {
            missing.add("CARD_REVOKED");
        } else {
            if (e.map(Entitlement::purchaseId).isEmpty()) {
                missing.add("TRAINING_COMPLETION");
            }
            if (e.map(Entitlement::certificateNumber).isEmpty()) {
                missing.add("CERTIFICATE");
            }
            if (!e.map(Entitlement::reviewed).orElse(false)) {
                missing.add("REVIEW");
            }
            if (account.isEmpty()) {
                missing.add("PAYOUT_ACCOUNT");
            }
        }
        var instalments = db.sql("""
                SELECT seq, amount, due_at, status, paid_at, failure_reason, account_number FROM incentive_payout
                WHERE participant_id = ? AND kind = 'INCENTIVE' ORDER BY seq
                """)
                .param(participantId)
                .query((rs, i) -> new InstalmentView(rs.getInt(1), rs.getLong(2), instant(rs.getTimestamp(3)),
                        PayoutStatus.valueOf(rs.getString(4)), instant(rs.getTimestamp(5)), rs.getString(6),
                        Optional.ofNullable(rs.getString(7)).or(() -> account).map(Masking::lastFour).orElse(null)))
                .list();
        Instant now = clock.instant();
        var surveys = db.sql("""
                SELECT s.seq, s.amount, s.opens_at, s.answered_at, p.status, p.paid_at FROM incentive_survey s
                LEFT JOIN incentive_payout p ON p.participant_id = s.participant_id AND p.kind = 'SURVEY' AND p.seq = s.seq
                WHERE s.participant_id = ? ORDER BY s.seq
                """)
                .param(participantId)
                .query((rs, i) -> {
                    Instant opens = instant(rs.getTimestamp(3));
                    SurveyStatus status = rs.getTimestamp(4) != null ? SurveyStatus.ANSWERED
                            : opens != null && !opens.isAfter(now) ? SurveyStatus.OPEN : SurveyStatus.LOCKED;
                    var payout = rs.getString(5) == null ? null
                            : new SurveyPayout(PayoutStatus.valueOf(rs.getString(5)), instant(rs.getTimestamp(6)));
                    return new SurveyView(rs.getInt(1), rs.getLong(2), status, opens, payout);
                })
                .list();
        long paid = db.sql("SELECT coalesce(sum(amount), 0) FROM incentive_payout WHERE participant_id = ? AND status = 'PAID'")
                .param(participantId).query(Long.class).single();
        boolean earned = e.map(x -> x.earnedAt() != null).orElse(false);
        long total = revoked ? 0 : scheme.map(s -> s.incentiveTotal().amount()).orElse(0L);
        return new IncentivesView(earned && missing.isEmpty(), missing, total, paid, scheme.map(Scheme::name).orElse(null),
                instalments, surveys);
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
