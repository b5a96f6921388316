package org.prakerja.incentive;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.EnumMap;
import java.util.UUID;
import org.prakerja.common.Masking;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R-72 the payouts as operators see them: GET /api/v1/ops/disbursements and its summary. */
@Service
@Transactional(readOnly = true)
public class Payouts {

    /** One payout; the account it went to (or goes to) masked. */
    public record DisbursementView(UUID payoutId, UUID participantId, PayoutKind kind, int seq, long amount,
            PayoutStatus status, int attempts, @Nullable PayoutProvider provider, @Nullable String accountNumberMasked,
            @Nullable String failureReason, Instant updatedAt) {
    }

    /** How many payouts, and how much, in one state. */
    public record Tally(long count, long amount) {
    }

    /** GET /api/v1/ops/disbursements/summary: every state, zero when none. */
    public record DisbursementSummary(@JsonProperty("SCHEDULED") Tally scheduled, @JsonProperty("PROCESSING") Tally processing,
            @JsonProperty("PAID") Tally paid, @JsonProperty("FAILED") Tally failed) {
    }

    private final JdbcClient db;

    Payouts(JdbcClient db) {
        this.db = db;
    }

    /** Newest change first; {@code status} and {@code kind} filter when given. */
    public Paged<DisbursementView> list(@Nullable PayoutStatus status, @Nullable PayoutKind kind, PageRequest page) {
        String where = " WHERE (CAST(:status AS text) IS NULL OR p.status = :status) AND (CAST(:kind AS text) IS NULL OR p.kind = :kind)";
        String s = status == null ? null : status.name();
        String k = kind == null ? null : kind.name();
        var items = db.sql("""
                SELECT p.*, a.provider AS current_provider, a.account_number AS current_account
                FROM incentive_payout p LEFT JOIN payout_account a ON a.participant_id = p.participant_id
                """ + where + """
                 ORDER BY p.updated_at DESC, p.id OFFSET :offset LIMIT :limit
                """)
                .param("status", s, java.sql.Types.VARCHAR).param("kind", k, java.sql.Types.VARCHAR)
                .param("offset", page.offset()).param("limit", page.size())
                .query((rs, i) -> {
                    String provider = rs.getString("provider") != null ? rs.getString("provider")
                            : rs.getString("current_provider");
                    String account = rs.getString("account_number") != null ? rs.getString("account_number")
                            : rs.getString("current_account");
                    return new DisbursementView(rs.getObject("id", UUID.class), rs.getObject("participant_id", UUID.class),
                            PayoutKind.valueOf(rs.getString("kind")), rs.getInt("seq"), rs.getLong("amount"),
                            PayoutStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                            provider == null ? null : PayoutProvider.valueOf(provider),
                            account == null ? null : Masking.lastFour(account), rs.getString("failure_reason"),
                            rs.getTimestamp("updated_at").toInstant());
                })
                .list();
        long total = db.sql("SELECT count(*) FROM incentive_payout p" + where)
                .param("status", s, java.sql.Types.VARCHAR).param("kind", k, java.sql.Types.VARCHAR)
                .query(Long.class).single();
        return new Paged<>(items, page.page(), page.size(), total);
    }

    public DisbursementSummary summary() {
        var byStatus = new EnumMap<PayoutStatus, Tally>(PayoutStatus.class);
        for (var status : PayoutStatus.values()) {
            byStatus.put(status, new Tally(0, 0));
        }
        db.sql("SELECT status, count(*), coalesce(sum(amount), 0) FROM incentive_payout GROUP BY status")
                .query((rs, i) -> byStatus.put(PayoutStatus.valueOf(rs.getString(1)), new Tally(rs.getLong(2), rs.getLong(3))))
                .list();
        return new DisbursementSummary(byStatus.get(PayoutStatus.SCHEDULED), byStatus.get(PayoutStatus.PROCESSING),
                byStatus.get(PayoutStatus.PAID), byStatus.get(PayoutStatus.FAILED));
    }

    /** The console's chart: how many payouts were paid each day of {@code from..to}, days without any left out. */
    public java.util.List<org.prakerja.common.DayValue> paidPerDay(java.time.LocalDate from, java.time.LocalDate to,
            java.time.ZoneId zone) {
        return db.sql("""
                SELECT (paid_at AT TIME ZONE ?)::date, count(*) FROM incentive_payout
                WHERE status = 'PAID' AND paid_at >= ? AND paid_at < ? GROUP BY 1 ORDER BY 1
                """)
                .params(zone.getId(), org.prakerja.common.DayValue.start(from, zone),
                        org.prakerja.common.DayValue.end(to, zone))
                .query((rs, i) -> new org.prakerja.common.DayValue(rs.getObject(1, java.time.LocalDate.class), rs.getLong(2)))
                .list();
    }
}
