package org.prakerja.purchase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.prakerja.catalog.Training;
import org.prakerja.common.DayValue;
import org.prakerja.database.QueuedWrites;
import org.prakerja.ledger.AccountId;
import org.prakerja.ledger.Ledger;
import org.prakerja.ledger.TransferResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vouchers and their life: the one place that moves a voucher, by its named acts. Each act is a
 * conditional UPDATE guarded by the states {@link VoucherStatus} allows it from, so two racing
 * acts cannot both move the same voucher.
 */
@Service
@Transactional
public class Vouchers {

    private final JdbcClient db;
    private final QueuedWrites writes;
    private final Ledger ledger;

    Vouchers(JdbcClient db, QueuedWrites writes, Ledger ledger) {
        this.db = db;
        this.writes = writes;
        this.ledger = ledger;
    }

    String issue(UUID purchaseId, UUID cardId, UUID participantId, Training training, String platformId,
            UUID reservationId, Instant at) {
        String code = VoucherCode.random().value();
        // queued, no round trip of its own. A code has 50 random bits: with a million vouchers issued
        // a new one collides about once in 10^9 draws; then the unique index fails the whole purchase
        // (nothing is kept, the OTP is not spent) and the platform's retry with the same
        // X-External-Id draws again.
        writes.queue("""
                INSERT INTO voucher (id, code, card_id, participant_id, training_id, institution_id, platform_id, price,
                    reservation_id, status, purchased_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, purchaseId, code, cardId, participantId, training.id(), training.institution().id(),
                platformId, training.price(), reservationId, VoucherStatus.PURCHASED.name(), Timestamp.from(at));
        return code;
    }

    @Transactional(readOnly = true)
    public Optional<Voucher> byCode(String code) {
        if (!VoucherCode.isWellFormed(code)) {
            return Optional.empty();
        }
        return db.sql("SELECT * FROM voucher WHERE code = ?").param(code).query(Vouchers::map).optional();
    }

    @Transactional(readOnly = true)
    Optional<Voucher> byId(UUID id) {
        return db.sql("SELECT * FROM voucher WHERE id = ?").param(id).query(Vouchers::map).optional();
    }

    Optional<Voucher> lockById(UUID id) {
        return db.sql("SELECT * FROM voucher WHERE id = ? FOR UPDATE").param(id).query(Vouchers::map).optional();
    }

    /**
     * Locks all of a participant's vouchers, always in the same order, so redemptions for one
     * participant take turns and cannot deadlock with each other.
     */
    public List<Voucher> lockAllOf(UUID participantId) {
        return db.sql("SELECT * FROM voucher WHERE participant_id = ? ORDER BY id FOR UPDATE")
                .param(participantId).query(Vouchers::map).list();
    }

    @Transactional(readOnly = true)
    public List<Voucher> of(UUID participantId, int offset, int limit) {
        return db.sql("SELECT * FROM voucher WHERE participant_id = ? ORDER BY purchased_at DESC, id OFFSET ? LIMIT ?")
                .params(participantId, offset, limit).query(Vouchers::map).list();
    }

    /** Whether the participant holds a voucher that is neither refunded nor voided (the timeline's "beli"). */
    @Transactional(readOnly = true)
    public boolean boughtAny(UUID participantId) {
        var cancelled = Arrays.stream(VoucherStatus.values()).filter(VoucherStatus::cancelled).map(Enum::name)
                .toArray(String[]::new);
        return db.sql("SELECT EXISTS (SELECT 1 FROM voucher WHERE participant_id = ? AND status <> ALL(?::text[]))")
                .params(participantId, cancelled).query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public long countOf(UUID participantId) {
        return db.sql("SELECT count(*) FROM voucher WHERE participant_id = ?").param(participantId).query(Long.class).single();
    }

    /** redemption: the reserved price is paid to the platform that sold the voucher. */
    public boolean redeem(Voucher v, Instant at) {
        var posted = ledger.post(UUID.nameUUIDFromBytes(("settlement:" + v.purchaseId()).getBytes()), v.reservationId(),
                AccountId.platformPayable(v.platformId()), "R-65 settlement " + v.purchaseId());
        if (!(posted instanceof TransferResult.Done)) {
            return false;
        }
        return db.sql("UPDATE voucher SET status = ?, redeemed_at = ? WHERE id = ? AND status = ANY(?::text[])")
                .params(VoucherStatus.REDEEMED.name(), Timestamp.from(at), v.purchaseId(), sourcesOf(VoucherStatus.REDEEMED))
                .update() == 1;
    }

    /** R-62 the pre-test is recorded; false if the voucher was not redeemed (or is past its pre-test). */
    public boolean recordPretest(UUID purchaseId) {
        return move(purchaseId, VoucherStatus.PRETEST_DONE);
    }

    /** R-63 the training is completed; false if the voucher was not in progress. */
    public boolean complete(UUID purchaseId) {
        return move(purchaseId, VoucherStatus.COMPLETED);
    }

    /** R-53 the purchase is refunded (its reservation voided by the caller); false if it was not PURCHASED. */
    boolean refund(UUID purchaseId, Instant at, String reason) {
        return db.sql("""
                UPDATE voucher SET status = ?, refunded_at = ?, refund_reason = ? WHERE id = ? AND status = ANY(?::text[])
                """)
                .params(VoucherStatus.REFUNDED.name(), Timestamp.from(at), reason, purchaseId,
                        sourcesOf(VoucherStatus.REFUNDED))
                .update() == 1;
    }

    private boolean move(UUID purchaseId, VoucherStatus to) {
        return db.sql("UPDATE voucher SET status = ? WHERE id = ? AND status = ANY(?::text[])")
                .params(to.name(), purchaseId, sourcesOf(to)).update() == 1;
    }

    private static String[] sourcesOf(VoucherStatus to) {
        return VoucherStatus.movingTo(to).stream().map(Enum::name).toArray(String[]::new);
    }

    /** Vouchers by status, for the operators' summary. */
    @Transactional(readOnly = true)
    public Map<VoucherStatus, Long> countByStatus() {
        var counts = new EnumMap<VoucherStatus, Long>(VoucherStatus.class);
        db.sql("SELECT status, count(*) FROM voucher GROUP BY status")
                .query(rs -> {
                    counts.put(VoucherStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** Purchases per day from {@code from} to {@code to} (both included), days without any left out. */
    @Transactional(readOnly = true)
    public List<DayValue> purchasedPerDay(LocalDate from, LocalDate to, ZoneId zone) {
        return db.sql("""
                SELECT (purchased_at AT TIME ZONE ?)::date, count(*) FROM voucher
                WHERE purchased_at >= ? AND purchased_at < ? GROUP BY 1 ORDER BY 1
                """)
                .params(zone.getId(), DayValue.start(from, zone), DayValue.end(to, zone))
                .query((rs, i) -> new DayValue(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
    }

    private static Voucher map(ResultSet rs, int i) throws SQLException {
        return new Voucher(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("card_id", UUID.class),
                rs.getObject("participant_id", UUID.class), rs.getString("training_id"), rs.getString("institution_id"),
                rs.getString("platform_id"), rs.getLong("price"), rs.getObject("reservation_id", UUID.class),
                VoucherStatus.valueOf(rs.getString("status")), rs.getTimestamp("purchased_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("redeemed_at")).map(Timestamp::toInstant).orElse(null));
    }
}
