package org.prakerja.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.prakerja.common.ProgramRules;
import org.prakerja.notification.Notice;
import org.prakerja.notification.Notifications;
import org.prakerja.purchase.Voucher;
import org.prakerja.purchase.VoucherStatus;
import org.prakerja.purchase.Vouchers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R-60..R-64: redemption, pre-test, completion with certificate, review. */
@Service
@Transactional
public class TrainingRecords {

    private final JdbcClient db;
    private final Vouchers vouchers;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PretestBeforeCompletion pretestPolicy;

    TrainingRecords(JdbcClient db, Vouchers vouchers, Notifications notifications, ApplicationEventPublisher events,
            Clock clock, ProgramRules rules) {
        this.db = db;
        this.vouchers = vouchers;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.pretestPolicy = new PretestBeforeCompletion(rules.pretestRequired());
    }

    public sealed interface VoucherResult {
    }

    public record Done(Voucher voucher) implements VoucherResult {
    }

    public record Refused(TrainingRefusal reason) implements VoucherResult {
    }

    /**
     * R-60 only the making institution redeems; R-61 one training in progress at a time; R-65 the
     * reservation is paid to the selling platform in the same transaction.
     */
    public VoucherResult redeem(String institutionId, String code) {
        var found = find(institutionId, code);
        if (!(found instanceof Done(var owned))) {
            return found;
        }
        var all = vouchers.lockAllOf(owned.participantId());
        var voucher = all.stream().filter(v -> v.purchaseId().equals(owned.purchaseId())).findFirst().orElseThrow();
        if (!voucher.status().canMoveTo(VoucherStatus.REDEEMED)) {
            return new Refused(voucher.status().cancelled() ? TrainingRefusal.VOUCHER_REFUNDED
                    : TrainingRefusal.VOUCHER_ALREADY_REDEEMED);
        }
        if (!OnlyOneTrainingAtATime.allowsRedeeming(all)) {
            return new Refused(TrainingRefusal.PREVIOUS_TRAINING_NOT_COMPLETED);
        }
        Instant now = clock.instant();
        if (!vouchers.redeem(voucher, now)) {
            return new Refused(TrainingRefusal.VOUCHER_ALREADY_REDEEMED);
        }
        db.sql("""
                INSERT INTO training_record (purchase_id, participant_id, training_id, institution_id, redeemed_at)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(voucher.purchaseId(), voucher.participantId(), voucher.trainingId(), institutionId,
                        Timestamp.from(now))
                .update();
        notifications.inApp(voucher.participantId(), Notice.of("VOUCHER_REDEEMED", voucher.code()));
        return new Done(vouchers.byCode(code).orElseThrow());
    }

    /** R-62 the pre-test comes before completion; recording it again corrects the score. */
    public VoucherResult pretest(String institutionId, String code, int score) {
        var checked = ownedAndLocked(institutionId, code);
        if (!(checked instanceof Done(var voucher))) {
            return checked;
        }
        var refused = switch (voucher.status()) {
            case REDEEMED, PRETEST_DONE -> null;
            case PURCHASED -> TrainingRefusal.VOUCHER_NOT_REDEEMED;
            case COMPLETED -> TrainingRefusal.ALREADY_COMPLETED;
            case REFUNDED, VOIDED -> TrainingRefusal.VOUCHER_REFUNDED;
        };
        if (refused != null) {
            return new Refused(refused);
        }
        db.sql("UPDATE training_record SET pretest_score = ?, pretest_at = ? WHERE purchase_id = ?")
                .params(score, Timestamp.from(clock.instant()), voucher.purchaseId()).update();
        // false when the pre-test is recorded again: the voucher is past REDEEMED already
        vouchers.recordPretest(voucher.purchaseId());
        return new Done(vouchers.byCode(code).orElseThrow());
    }

    /** R-63 completion with the post-test score and the institution's certificate. */
    public VoucherResult complete(String institutionId, String code, int postTestScore, String certificateNumber,
            String certificateUrl, Instant issuedAt) {
        var checked = ownedAndLocked(institutionId, code);
        if (!(checked instanceof Done(var voucher))) {
            return checked;
        }
        var refused = switch (voucher.status()) {
            case REDEEMED, PRETEST_DONE -> pretestPolicy.allowsCompleting(voucher.status()) ? null
                    : TrainingRefusal.PRETEST_REQUIRED;
            case PURCHASED -> TrainingRefusal.VOUCHER_NOT_REDEEMED;
            case COMPLETED -> TrainingRefusal.ALREADY_COMPLETED;
            case REFUNDED, VOIDED -> TrainingRefusal.VOUCHER_REFUNDED;
        };
        if (refused != null) {
            return new Refused(refused);
        }
        Instant now = clock.instant();
        int updated = db.sql("""
                UPDATE training_record SET post_test_score = ?, completed_at = ?, certificate_number = ?,
                    certificate_url = ?, certificate_issued_at = ?
                WHERE purchase_id = ? AND NOT EXISTS (SELECT 1 FROM training_record WHERE certificate_number = ?)
                """)
                .params(postTestScore, Timestamp.from(now), certificateNumber, certificateUrl,
                        Timestamp.from(issuedAt), voucher.purchaseId(), certificateNumber)
                .update();
        if (updated == 0) {
            return new Refused(TrainingRefusal.CERTIFICATE_NUMBER_TAKEN);
        }
        if (!vouchers.complete(voucher.purchaseId())) {
            // the voucher is locked and in progress: failing rolls the certificate back too
            throw new IllegalStateException("voucher " + voucher.purchaseId() + " changed under its lock");
        }
        events.publishEvent(new TrainingCompleted(voucher.participantId(), voucher.purchaseId(), voucher.trainingId(),
                certificateNumber, now));
        return new Done(vouchers.byCode(code).orElseThrow());
    }

    /** R-64 a rating and review after the certificate; the catalog's rating takes it in from the event. */
    public VoucherResult review(UUID participantId, String code, int rating, String text) {
        var found = vouchers.byCode(code).filter(v -> v.participantId().equals(participantId));
        if (found.isEmpty()) {
            return new Refused(TrainingRefusal.VOUCHER_NOT_FOUND);
        }
        var voucher = found.get();
        var record = db.sql("SELECT * FROM training_record WHERE purchase_id = ? FOR UPDATE")
                .param(voucher.purchaseId()).query(TrainingRecords::map).optional();
        if (record.isEmpty() || record.get().certificateNumber() == null) {
            return new Refused(TrainingRefusal.CERTIFICATE_REQUIRED);
        }
        if (record.get().reviewRating() != null) {
            return new Refused(TrainingRefusal.ALREADY_REVIEWED);
        }
        Instant now = clock.instant();
        db.sql("UPDATE training_record SET review_rating = ?, review_text = ?, reviewed_at = ? WHERE purchase_id = ?")
                .params(rating, text, Timestamp.from(now), voucher.purchaseId()).update();
        events.publishEvent(new TrainingReviewed(participantId, voucher.purchaseId(), voucher.trainingId(), rating, now));
        return new Done(voucher);
    }

    @Transactional(readOnly = true)
    public VoucherResult find(String institutionId, String code) {
        var voucher = vouchers.byCode(code);
        if (voucher.isEmpty()) {
            return new Refused(TrainingRefusal.VOUCHER_NOT_FOUND);
        }
        if (!voucher.get().institutionId().equals(institutionId)) {
            return new Refused(TrainingRefusal.VOUCHER_NOT_YOURS);
        }
        return new Done(voucher.get());
    }

    /** R-63 the public check of a certificate by its number. */
    @Transactional(readOnly = true)
    Optional<Certificate> certificate(String number) {
        return db.sql("""
                SELECT participant_id, training_id, institution_id, certificate_issued_at FROM training_record
                WHERE certificate_number = ?
                """)
                .param(number)
                .query((rs, i) -> new Certificate(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** R-64 a review as the training's public page shows it: no name, the rating and the words. */
    public record PublicReview(int rating, String text, Instant reviewedAt) {
    }

    @Transactional(readOnly = true)
    public java.util.List<PublicReview> reviewsOf(String trainingId, int limit) {
        return db.sql("""
                SELECT review_rating, review_text, reviewed_at FROM training_record
                WHERE training_id = ? AND review_rating IS NOT NULL ORDER BY reviewed_at DESC LIMIT ?
                """)
                .params(trainingId, limit)
                .query((rs, i) -> new PublicReview(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /**
     * How far a participant has come after the card, for the dashboard's timeline: bought (a voucher
     * neither refunded nor voided), a training in progress, certified, reviewed.
     */
    public record Journey(boolean bought, boolean inTraining, boolean certified, boolean reviewed) {

        /** Before the card: nothing bought, nothing begun. */
        public static final Journey NONE = new Journey(false, false, false, false);
    }

    @Transactional(readOnly = true)
    public Journey journeyOf(UUID participantId) {
        boolean bought = vouchers.boughtAny(participantId);
        var done = db.sql("""
                SELECT bool_or(completed_at IS NULL), bool_or(certificate_number IS NOT NULL), bool_or(review_rating IS NOT NULL)
                FROM training_record WHERE participant_id = ?
                """)
                .param(participantId)
                .query((rs, i) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)})
                .single();
        return new Journey(bought, done[0], done[1], done[2]);
    }

    @Transactional(readOnly = true)
    public Map<UUID, TrainingRecord> records(Collection<UUID> purchaseIds) {
        if (purchaseIds.isEmpty()) {
            return Map.of();
        }
        return db.sql("SELECT * FROM training_record WHERE purchase_id = ANY(?::uuid[])")
                .param(purchaseIds.toArray(UUID[]::new))
                .query(TrainingRecords::map).list().stream()
                .collect(Collectors.toMap(TrainingRecord::purchaseId, Function.identity()));
    }

    private VoucherResult ownedAndLocked(String institutionId, String code) {
        var found = find(institutionId, code);
        if (!(found instanceof Done(var voucher))) {
            return found;
        }
        var locked = vouchers.lockAllOf(voucher.participantId()).stream()
                .filter(v -> v.purchaseId().equals(voucher.purchaseId())).findFirst().orElseThrow();
        return new Done(locked);
    }

    private static TrainingRecord map(ResultSet rs, int i) throws SQLException {
        return new TrainingRecord(rs.getObject("purchase_id", UUID.class), (Integer) rs.getObject("pretest_score"),
                (Integer) rs.getObject("post_test_score"), instant(rs, "completed_at"), rs.getString("certificate_number"),
                rs.getString("certificate_url"), instant(rs, "certificate_issued_at"),
                (Integer) rs.getObject("review_rating"), rs.getString("review_text"), instant(rs, "reviewed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
