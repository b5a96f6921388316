package org.prakerja.purchase;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.prakerja.card.Cards;
import org.prakerja.catalog.Catalog;
import org.prakerja.common.Masking;
import org.prakerja.common.SecretBox;
import org.prakerja.database.QueuedWrites;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notifications;
import org.prakerja.registration.Participants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * one-time codes for purchases: 6 digits by SMS to the card holder, 5 minutes, single
 * use, stored as a keyed hash; at most 5 wrong codes per card in 30 minutes, then OTP_LOCKED;
 * at most {@code prakerja.partner.otp-per-card} codes per card in 10 minutes, then RATE_LIMITED.
 */
@Service
@Transactional
class OtpChallenges {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_WRONG = 5;
    static final Duration LOCK_WINDOW = Duration.ofMinutes(30);
    // shorter than LOCK_WINDOW: one query over the lock window counts both
    static final Duration CARD_WINDOW = Duration.ofMinutes(10);
    /**
     * A card's challenges in the lock window. Its start is hidden from the planner in
     * (SELECT ...): with the value visible, PostgreSQL often planned the statements that use this
     * afresh on every call instead of reusing their cached plans (up to 87% of calls in
     * bench/purchases.sh); the plan is the same index range either way.
     */
    private static final String WHERE_CARD_IN_LOCK_WINDOW =
            "WHERE card_id = :card AND created_at > (SELECT CAST(:lockFrom AS timestamptz))";
    private static final SecureRandom RANDOM = new SecureRandom();

    public sealed interface Result {
    }

    public record Issued(UUID otpId, Instant expiresAt, String phoneMasked) implements Result {
    }

    public record Refused(PurchaseRefusal reason) implements Result {
    }

    private final JdbcClient db;
    private final QueuedWrites writes;
    private final Cards cards;
    private final Catalog catalog;
    private final Participants participants;
    private final Notifications notifications;
    private final SecretBox box;
    private final PartnerRateLimit rateLimit;
    private final Clock clock;
    private final int maxPerCard;

    OtpChallenges(JdbcClient db, QueuedWrites writes, Cards cards, Catalog catalog, Participants participants,
            Notifications notifications, SecretBox box, PartnerRateLimit rateLimit, Clock clock,
            @Value("${prakerja.partner.otp-per-card:10}") int maxPerCard) {
        this.maxPerCard = maxPerCard;
        this.db = db;
        this.writes = writes;
        this.cards = cards;
        this.catalog = catalog;
        this.participants = participants;
        this.notifications = notifications;
        this.box = box;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    public Result request(String platformId, String cardNumber, String trainingId) {
        if (!rateLimit.tryAcquire(platformId)) {
            return new Refused(PurchaseRefusal.RATE_LIMITED);
        }
        var card = cards.findByNumber(cardNumber);
        if (card.isEmpty()) {
            return new Refused(PurchaseRefusal.CARD_NOT_FOUND);
        }
        if (!card.get().active()) {
            return new Refused(PurchaseRefusal.CARD_NOT_ACTIVE);
        }
        var training = catalog.training(trainingId);
        if (training.isEmpty()) {
            return new Refused(PurchaseRefusal.TRAINING_NOT_FOUND);
        }
        if (!training.get().platforms().contains(platformId)) {
            return new Refused(PurchaseRefusal.TRAINING_NOT_SOLD_HERE);
        }
        UUID cardId = card.get().cardId();
        Instant now = clock.instant();
        var usage = db.sql("""
                SELECT coalesce(sum(attempts), 0), count(*) FILTER (WHERE created_at > :recentFrom)
                FROM otp_challenge
                """ + WHERE_CARD_IN_LOCK_WINDOW)
                .param("card", cardId)
                .param("lockFrom", Timestamp.from(now.minus(LOCK_WINDOW)))
                .param("recentFrom", Timestamp.from(now.minus(CARD_WINDOW)))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        if (usage[0] >= MAX_WRONG) {
            return new Refused(PurchaseRefusal.OTP_LOCKED);
        }
        if (usage[1] >= maxPerCard) {
            return new Refused(PurchaseRefusal.RATE_LIMITED);
        }
        UUID otpId = UUID.randomUUID();
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        Instant expiresAt = now.plus(LIFETIME);
        // only for the answer's phoneMasked (docs/api.md); the SMS itself goes by participant id. Read
        // before the challenge is queued, so that the challenge goes with the commit.
        String phone = participants.phone(card.get().participantId()).orElseThrow();
        writes.queue("""
                INSERT INTO otp_challenge (id, card_id, platform_id, training_id, code_hash, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, otpId, cardId, platformId, trainingId, hash(otpId, code), Timestamp.from(expiresAt),
                Timestamp.from(now));
        notifications.send(Message.sms(card.get().participantId(), "sms.otp", code, training.get().title(),
                LIFETIME.toMinutes()).asSensitive());
        return new Issued(otpId, expiresAt, Masking.lastFour(phone));
    }

    /**
     * Checks and spends an OTP for a purchase, in the caller's transaction. A wrong code counts
     * against the card even though the purchase itself changes nothing.
     */
    Spent spend(UUID otpId, String code, UUID cardId, String platformId, String trainingId) {
        Instant now = clock.instant();
        // one round trip: the card's wrong tries, the challenge, and the change the answer makes
        // (a wrong code counts, a right and fresh one is spent); the card row is locked by the caller
        var check = db.sql("""
                WITH wrong AS (
                    SELECT coalesce(sum(attempts), 0) AS tries FROM otp_challenge
                """ + WHERE_CARD_IN_LOCK_WINDOW + """
                ),
                challenge AS (
                    SELECT id, code_hash = :hash AS right_code, expires_at > :now AS fresh, used_at IS NULL AS unused
                    FROM otp_challenge
                    WHERE id = :otp AND card_id = :card AND platform_id = :platform AND training_id = :training),
                answered AS (
                    UPDATE otp_challenge o
                    SET used_at = CASE WHEN c.right_code THEN :now ELSE o.used_at END,
                        attempts = o.attempts + CASE WHEN c.right_code THEN 0 ELSE 1 END
                    FROM challenge c, wrong w
                    WHERE o.id = c.id AND c.unused AND w.tries < :maxWrong AND (c.fresh OR NOT c.right_code))
                -- PostgreSQL runs a data-modifying WITH to completion whether or not it is read
                SELECT w.tries, c.right_code, c.fresh, c.unused
                FROM wrong w LEFT JOIN challenge c ON true
                """)
                .param("card", cardId).param("lockFrom", Timestamp.from(now.minus(LOCK_WINDOW))).param("otp", otpId)
                .param("platform", platformId).param("training", trainingId).param("hash", hash(otpId, code))
                .param("now", Timestamp.from(now)).param("maxWrong", MAX_WRONG)
                .query((rs, i) -> new Check(rs.getLong(1), (Boolean) rs.getObject(2), (Boolean) rs.getObject(3),
                        (Boolean) rs.getObject(4)))
                .single();
        if (check.wrongTries() >= MAX_WRONG) {
            return new Spent.Refused(PurchaseRefusal.OTP_LOCKED);
        }
        if (check.rightCode() == null || !check.unused()) {
            return new Spent.Refused(PurchaseRefusal.OTP_INVALID);
        }
        if (!check.rightCode()) {
            return new Spent.Refused(check.wrongTries() + 1 >= MAX_WRONG ? PurchaseRefusal.OTP_LOCKED : PurchaseRefusal.OTP_INVALID);
        }
        if (!check.fresh()) {
            return new Spent.Refused(PurchaseRefusal.OTP_EXPIRED);
        }
        return new Spent.Accepted();
    }

    /** Whether an OTP let a purchase through: accepted (and spent), or refused with the reason. */
    sealed interface Spent {
        record Accepted() implements Spent {
        }

        record Refused(PurchaseRefusal reason) implements Spent {
        }
    }

    /** A challenge as an answer found it; the three flags are null when there is no such challenge. */
    private record Check(long wrongTries, Boolean rightCode, Boolean fresh, Boolean unused) {
    }

    private byte[] hash(UUID otpId, String code) {
        return box.hash("otp", otpId + ":" + code);
    }
}
