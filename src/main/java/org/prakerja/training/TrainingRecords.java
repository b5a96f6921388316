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
import org.prakerja.catalog.Catalog;
import org.prakerja.common.ProgramRules;
import org.prakerja.notification.Notice;
import org.prakerja.notification.Notifications;
import org.prakerja.purchase.Voucher;
import org.prakerja.purchase.Vouchers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R-60..R-64: redemption, pre-test, completion with certificate, review. */
@Service
@Transactional
public class TrainingRecords {

    private final JdbcClient db;
    private final Vouchers vouchers;
    private final Catalog catalog;
    private final Notifications notifications;
    private final Clock clock;
    private final ProgramRules rules;

    TrainingRecords(JdbcClient db, Vouchers vouchers, Catalog catalog, Notifications notifications, Clock clock,
            ProgramRules rules) {
        this.db = db;
        this.vouchers = vouchers;
        this.catalog = catalog;
        this.notifications = notifications;
        this.clock = clock;
        this.rules = rules;
    }

    public sealed interface Outcome {
    }

    public record Done(Voucher voucher) implements Outcome {
    }

    public record Refused(TrainingRefusal reason) implements Outcome {
    }

    /**
     * R-60 only the making institution redeems; R-61 one training in progress at a time; R-65 the
     * reservation is paid to the selling platform in the same transaction.
     */
    public Outcome redeem(String institutionId, String code) {
        var found = vouchers.byCode(code);
        if (found.isEmpty()) {
            return new Refused(TrainingRefusal.VOUCHER_NOT_FOUND);
        }
        if (!found.get().institutionId().equals(institutionId)) {
            return new Refused(TrainingRefusal.VOUCHER_NOT_YOURS);
        }
        var all = vouchers.lockAllOf(found.get().participantId());
        var voucher = all.stream().filter(v -> v.code().equals(code)).findFirst().orElseThrow();
        switch (voucher.status()) {
            case "PURCHASED" -> {
            }
            case "REFUNDED", "VOIDED" -> {
                return new Refused(TrainingRefusal.VOUCHER_REFUNDED);
            }
            default -> {
                return new Refused(TrainingRefusal.VOUCHER_ALREADY_REDEEMED);
            }
        }
        if (all.stream().anyMatch(Voucher::inProgress)) {
            return new Refused(TrainingRefusal.PREVIOUS_TRAINING_NOT_COMPLETED);
        }
        Instant now = clock.instant();
        if (!vouchers.redeem(voucher, now)) {
            return new Refused(TrainingRefusal.VOUCHER_ALREADY_REDEEMED);
        }
        db.sql("""
                INSERT INTO training_record (voucher_id, participant_id, training_id, institution_id, redeemed_at)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(voucher.purchaseId(), voucher.participantId(), voucher.trainingId(), institutionId,
                        Timestamp.from(now))
                .update();
        notifications.inApp(voucher.participantId(), Notice.of("VOUCHER_REDEEMED", voucher.code()));
        return new Done(vouchers.byCode(code).orElseThrow());
    }

    /** R-62 the pre-test comes before completion. */
    public Outcome pretest(String institutionId, String code, int score) {
        var checked = ownedAndLocked(institutionId, code);
        if (checked instanceof Refused) {
            return checked;
        }
        var voucher = ((Done) checked).voucher();
        if (voucher.status().equals("PURCHASED")) {
            return new Refused(TrainingRefusal.VOUCHER_NOT_REDEEMED);
        }
        if (voucher.status().equals("COMPLETED")) {
            return new Refused(TrainingRefusal.ALREADY_COMPLETED);
        }
        db.sql("UPDATE training_record SET pretest_score = ?, pretest_at = ? WHERE voucher_id = ?")
                .params(score, Timestamp.from(clock.instant()), voucher.purchaseId()).update();
        vouchers.advance(voucher.purchaseId(), "REDEEMED", "PRETEST_DONE");
        return new Done(vouchers.byCode(code).orElseThrow());
    }

    /** R-63 completion with the post-test score and the institution's certificate. */
    public Outcome complete(String institutionId, String code, int postTestScore, String certificateNumber,
            String certificateUrl, Instant issuedAt) {
        var checked = ownedAndLocked(institutionId, code);
        if (checked instanceof Refused) {
            return checked;
        }
        var voucher = ((Done) checked).voucher();
        switch (voucher.status()) {
            case "PURCHASED" -> {
                return new Refused(TrainingRefusal.VOUCHER_NOT_REDEEMED);
            }
            case "COMPLETED" -> {
                return new Refused(TrainingRefusal.ALREADY_COMPLETED);
            }
            case "REDEEMED" -> {
                if (rules.pretestRequired()) {
                    return new Refused(TrainingRefusal.PRETEST_REQUIRED);
                }
            }
            default -> {
            }
        }
        int updated = db.sql("""
                UPDATE training_record SET post_test_score = ?, completed_at = ?, certificate_number = ?,
                    certificate_url = ?, certificate_issued_at = ?
                WHERE voucher_id = ? AND NOT EXISTS (SELECT 1 FROM training_record WHERE certificate_number = ?)
                """)
                .params(postTestScore, Timestamp.from(clock.instant()), certificateNumber, certificateUrl,
                        Timestamp.from(issuedAt), voucher.purchaseId(), certificateNumber)
                .update();
        if (updated == 0) {
            return new Refused(TrainingRefusal.CERTIFICATE_NUMBER_TAKEN);
        }
        vouchers.advance(voucher.purchaseId(), voucher.status(), "COMPLETED");
        notifications.inApp(voucher.participantId(), Notice.of("TRAINING_COMPLETED", certificateNumber));
        return new Done(vouchers.byCode(code).orElseThrow());
    }

    /** R-64 a rating and review after the certificate; it feeds the catalog's rating. */
    public Optional<TrainingRefusal> review(UUID participantId, String code, int rating, String text) {
        var voucher = vouchers.byCode(code).filter(v -> v.participantId().equals(participantId));
        if (voucher.isEmpty()) {
            return Optional.of(TrainingRefusal.VOUCHER_NOT_FOUND);
        }
        var record = db.sql("SELECT * FROM training_record WHERE voucher_id = ? FOR UPDATE")
                .param(voucher.get().purchaseId()).query(TrainingRecords::map).optional();
        if (record.isEmpty() || record.get().certificateNumber() == null) {
            return Optional.of(TrainingRefusal.CERTIFICATE_REQUIRED);
        }
        if (record.get().reviewRating() != null) {
            return Optional.of(TrainingRefusal.ALREADY_REVIEWED);
        }
        db.sql("UPDATE training_record SET review_rating = ?, review_text = ?, reviewed_at = ? WHERE voucher_id = ?")
                .params(rating, text, Timestamp.from(clock.instant()), voucher.get().purchaseId()).update();
        catalog.addRating(voucher.get().trainingId(), rating);
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public Outcome find(String institutionId, String code) {
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
    public Optional<Map<String, Object>> certificate(String number) {
        return db.sql("""
                SELECT participant_id, training_id, institution_id, certificate_issued_at FROM training_record
                WHERE certificate_number = ?
                """)
                .param(number)
                .query((rs, i) -> Map.<String, Object>of(
                        "participantId", rs.getObject(1, UUID.class),
                        "trainingId", rs.getString(2),
                        "institutionId", rs.getString(3),
                        "issuedAt", rs.getTimestamp(4).toInstant()))
                .optional();
    }

    @Transactional(readOnly = true)
    public Map<UUID, TrainingRecord> records(Collection<UUID> voucherIds) {
        if (voucherIds.isEmpty()) {
            return Map.of();
        }
        return db.sql("SELECT * FROM training_record WHERE voucher_id = ANY(?::uuid[])")
                .param(voucherIds.toArray(UUID[]::new))
                .query(TrainingRecords::map).list().stream()
                .collect(Collectors.toMap(TrainingRecord::voucherId, Function.identity()));
    }

    private Outcome ownedAndLocked(String institutionId, String code) {
        var found = find(institutionId, code);
        if (found instanceof Refused) {
            return found;
        }
        var voucher = ((Done) found).voucher();
        var locked = vouchers.lockAllOf(voucher.participantId()).stream()
                .filter(v -> v.purchaseId().equals(voucher.purchaseId())).findFirst().orElseThrow();
        return new Done(locked);
    }

    private static TrainingRecord map(ResultSet rs, int i) throws SQLException {
        return new TrainingRecord(rs.getObject("voucher_id", UUID.class), (Integer) rs.getObject("pretest_score"),
                (Integer) rs.getObject("post_test_score"), instant(rs, "completed_at"), rs.getString("certificate_number"),
                rs.getString("certificate_url"), instant(rs, "certificate_issued_at"),
                (Integer) rs.getObject("review_rating"), rs.getString("review_text"), instant(rs, "reviewed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
