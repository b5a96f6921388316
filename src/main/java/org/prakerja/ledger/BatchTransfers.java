package org.prakerja.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.prakerja.common.Rupiah;
import org.prakerja.ledger.Ledger.Resolution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Transfers by the batch, for the jobs (announcement, revocation, disbursement): each batch is one
 * set-based statement, and transfers whose id exists already are skipped, so a batch run again
 * moves nothing twice.
 */
@Component
class BatchTransfers {

    /**
     * The statement's new transfers, CTE {@code t} (debit_account, credit_account, amount), applied
     * to their accounts' balances: one UPDATE per account whatever the number of its transfers.
     */
    private static final String BALANCES = """
            deltas AS (
                    SELECT account, sum(delta) AS delta FROM (
                        SELECT debit_account AS account, -amount AS delta FROM t
                        UNION ALL
                        SELECT credit_account, amount FROM t) d
                    GROUP BY account),
                applied AS (
                    UPDATE ledger_account a SET balance = a.balance + deltas.delta
                    FROM deltas WHERE a.id = deltas.account
                    RETURNING 1)""";

    private final JdbcClient db;
    private final LedgerAccounts accounts;
    private final Clock clock;

    BatchTransfers(JdbcClient db, LedgerAccounts accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Records new transfers of one kind (final or pending); returns how many were new. A pending
     * batch locks its accounts first, in their one order, so a debit that would go below zero fails
     * the whole batch rather than one transfer of it; a final batch (the fund's credits) opens its
     * accounts and relies on the balance checks alone.
     */
    int insertAll(List<Movement> movements, TransferKind kind, String memo) {
        if (movements.isEmpty()) {
            return 0;
        }
        int n = movements.size();
        var ids = new UUID[n];
        var debits = new String[n];
        var credits = new String[n];
        var amounts = new Long[n];
        for (int i = 0; i < n; i++) {
            var m = movements.get(i);
            ids[i] = m.transferId();
            debits[i] = m.debit().value();
            credits[i] = m.credit().value();
            amounts[i] = m.amount().amount();
        }
        var touched = Stream.concat(Arrays.stream(debits), Arrays.stream(credits));
        if (kind == TransferKind.PENDING) {
            accounts.lockOpening(touched.distinct().sorted().toArray(String[]::new));
        } else {
            accounts.open(touched.toArray(String[]::new));
        }
        return db.sql("""
                WITH t AS (
                    INSERT INTO ledger_transfer (id, debit_account, credit_account, amount, kind, state, memo, created_at)
                    SELECT i, d, c, a, :kind, :state, :memo, :now
                    FROM unnest(:ids::uuid[], :debits::text[], :credits::text[], :amounts::bigint[]) AS m(i, d, c, a)
                    ON CONFLICT (id) DO NOTHING
                    RETURNING debit_account, credit_account, amount),
                {balances}
                SELECT count(*) FROM t
                """.replace("{balances}", BALANCES))
                .param("memo", memo)
                .param("kind", kind.name())
                .param("state", kind.initialState().name())
                .param("now", now())
                .param("ids", ids).param("debits", debits).param("credits", credits).param("amounts", amounts)
                .query(Integer.class)
                .single();
    }

    List<UUID> resolveAll(List<Resolution> resolutions, TransferKind kind, String memo) {
        if (resolutions.isEmpty()) {
            return List.of();
        }
        int n = resolutions.size();
        var ids = new UUID[n];
        var pendings = new UUID[n];
        var targets = new String[n];
        for (int i = 0; i < n; i++) {
            var r = resolutions.get(i);
            ids[i] = r.transferId();
            pendings[i] = r.pendingId();
            targets[i] = kind == TransferKind.POST ? r.to().value() : null;
        }
        // the pending transfers, then every account they touch, each in a fixed order
        var pending = db.sql("""
                SELECT id, debit_account, credit_account FROM ledger_transfer
                WHERE id = ANY(:pendings::uuid[]) AND kind = :kind AND state = :state
                ORDER BY id FOR UPDATE
                """)
                .param("pendings", pendings).param("kind", TransferKind.PENDING.name())
                .param("state", TransferState.PENDING.name())
                .query((rs, i) -> List.of(rs.getString(2), rs.getString(3)))
                .list();
        if (pending.isEmpty()) {
            return List.of();
        }
        var touched = Stream.concat(pending.stream().flatMap(List::stream),
                Arrays.stream(targets).filter(Objects::nonNull)).distinct().sorted().toArray(String[]::new);
        accounts.lockOpening(touched);
        return db.sql("""
                WITH r AS (
                    SELECT r.id, p.id AS pending_id, p.credit_account AS source,
                           CASE WHEN :kind = :post THEN r.target ELSE p.debit_account END AS target, p.amount
                    FROM unnest(:ids::uuid[], :pendings::uuid[], :targets::text[]) AS r(id, pending, target)
                    JOIN ledger_transfer p ON p.id = r.pending AND p.kind = :pendingKind AND p.state = :pendingState),
                t AS (
                    INSERT INTO ledger_transfer (id, debit_account, credit_account, amount, kind, pending_id, state, memo,
                        created_at)
                    SELECT id, source, target, amount, :kind, pending_id, :state, :memo, :now FROM r
                    ON CONFLICT DO NOTHING
                    RETURNING pending_id, debit_account, credit_account, amount),
                {balances},
                resolved AS (
                    UPDATE ledger_transfer p SET state = :resolved
                    FROM t WHERE p.id = t.pending_id
                    RETURNING p.id)
                SELECT id FROM resolved
                """.replace("{balances}", BALANCES))
                .param("kind", kind.name())
                .param("post", TransferKind.POST.name())
                .param("pendingKind", TransferKind.PENDING.name())
                .param("pendingState", TransferState.PENDING.name())
                .param("state", kind.initialState().name())
                .param("resolved", TransferState.RESOLVED.name())
                .param("memo", memo)
                .param("now", now())
                .param("ids", ids).param("pendings", pendings).param("targets", targets)
                .query(UUID.class)
                .list();
    }

    Rupiah returnWholeBalances(Collection<AccountId> from, AccountId to, String purpose) {
        if (from.isEmpty()) {
            return Rupiah.ZERO;
        }
        accounts.open(to.value());
        var sources = from.stream().map(AccountId::value).sorted().toArray(String[]::new);
        Long moved = db.sql("""
                WITH src AS (
                    SELECT id, balance FROM ledger_account
                    WHERE id = ANY(:sources::text[]) AND balance > 0
                    ORDER BY id FOR UPDATE),
                t AS (
                    INSERT INTO ledger_transfer (id, debit_account, credit_account, amount, kind, state, memo, created_at)
                    SELECT md5(:purpose || ':' || src.id)::uuid, src.id, :to, src.balance, :kind, :state, :purpose, :now
                    FROM src
                    ON CONFLICT (id) DO NOTHING
                    RETURNING debit_account, amount),
                out AS (
                    UPDATE ledger_account a SET balance = a.balance - t.amount
                    FROM t WHERE a.id = t.debit_account
                    RETURNING t.amount),
                inn AS (
                    UPDATE ledger_account a SET balance = a.balance + (SELECT coalesce(sum(amount), 0) FROM t)
                    WHERE a.id = :to
                    RETURNING 1)
                SELECT coalesce(sum(amount), 0) FROM out
                """)
                .param("sources", sources)
                .param("purpose", purpose)
                .param("kind", TransferKind.SINGLE.name())
                .param("state", TransferKind.SINGLE.initialState().name())
                .param("to", to.value())
                .param("now", now())
                .query(Long.class)
                .single();
        return Rupiah.of(moved);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
