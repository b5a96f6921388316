package org.prakerja.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.prakerja.common.Rupiah;
import org.prakerja.ledger.TransferResult.Done;
import org.prakerja.ledger.TransferResult.Reason;
import org.prakerja.ledger.TransferResult.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One transfer at a time, for the request paths: a final or pending transfer between two locked
 * accounts, or the post or void of a pending one. Every refusal is a {@link TransferResult}, and a
 * transfer repeated with its id and body answers {@code Done(replayed)}.
 */
@Component
class SingleTransfers {

    private final JdbcClient db;
    private final LedgerAccounts accounts;
    private final Clock clock;

    SingleTransfers(JdbcClient db, LedgerAccounts accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    TransferResult move(UUID id, AccountId debit, AccountId credit, Rupiah amount, TransferKind kind,
            String memo) {
        new Movement(id, debit, credit, amount);
        var locked = accounts.lock(debit, credit);
        if (locked.size() < 2) {
            // an account's first transfer opens it (cards open theirs when issued)
            accounts.open(debit.value(), credit.value());
            locked = accounts.lock(debit, credit);
        }
        var source = locked.stream().filter(a -> a.id().equals(debit.value())).findFirst().orElseThrow();
        if (!source.mayGoNegative() && source.balance() < amount.amount()) {
            // a transfer done earlier with this id stays done, though the balance no longer covers it again
            return earlier(id, debit, credit, amount, kind).orElse(new Refused(Reason.INSUFFICIENT_FUNDS));
        }
        var after = applyAndRecord(id, debit.value(), credit.value(), amount.amount(), kind, null, memo);
        if (after.isEmpty()) {
            // the id was taken: by this same transfer earlier (a replay) or by another one
            return earlier(id, debit, credit, amount, kind).orElseThrow();
        }
        return new Done(id, false, after.get());
    }

    /** What an earlier transfer with this id means for a request to make it again. */
    private Optional<TransferResult> earlier(UUID id, AccountId debit, AccountId credit, Rupiah amount,
            TransferKind kind) {
        return find(id).map(t -> t.debit().equals(debit.value()) && t.credit().equals(credit.value())
                && t.amount() == amount.amount() && t.kind() == kind
                        ? new Done(id, true, accounts.signedBalance(debit))
                        : new Refused(Reason.ID_REUSED));
    }

    TransferResult resolve(UUID id, UUID pendingId, TransferKind kind, AccountId to, String memo) {
        var pending = db.sql("""
                SELECT id, debit_account, credit_account, amount, kind, state, pending_id
                FROM ledger_transfer WHERE id = ? AND kind = ? FOR UPDATE
                """)
                .params(pendingId, TransferKind.PENDING.name())
                .query(SingleTransfers::transferRow)
                .optional();
        if (pending.isEmpty()) {
            return new Refused(Reason.PENDING_NOT_FOUND);
        }
        var p = pending.get();
        if (!p.state().canMoveTo(TransferState.RESOLVED)) {
            return find(id).filter(t -> pendingId.equals(t.pendingId()) && t.kind() == kind)
                    .<TransferResult>map(t -> new Done(id, true, accounts.signedBalance(new AccountId(p.credit()))))
                    .orElse(new Refused(Reason.ALREADY_RESOLVED));
        }
        String target = kind == TransferKind.POST ? to.value() : p.debit();
        accounts.open(target);
        db.sql("SELECT id FROM ledger_account WHERE id IN (?, ?) ORDER BY id FOR UPDATE")
                .params(p.credit(), target).query(String.class).list();
        var after = applyAndRecord(id, p.credit(), target, p.amount(), kind, pendingId, memo);
        if (after.isEmpty()) {
            return new Refused(Reason.ID_REUSED);
        }
        db.sql("UPDATE ledger_transfer SET state = ? WHERE id = ? AND state = ?")
                .params(TransferState.RESOLVED.name(), pendingId, TransferState.PENDING.name()).update();
        return new Done(id, false, after.get());
    }

    /**
     * The transfer row and both balances in one statement, written together or not at all.
     * Claiming the id comes first: a concurrent transfer with the same id makes this one wait for
     * it and then move nothing. Returns the debit account's new balance, or empty when the id
     * was taken. The caller holds both accounts' locks.
     */
    private Optional<Long> applyAndRecord(UUID id, String debit, String credit, long amount, TransferKind kind,
            UUID pendingId, String memo) {
        var moved = db.sql("""
                WITH recorded AS (
                    INSERT INTO ledger_transfer (id, debit_account, credit_account, amount, kind, pending_id, state, memo,
                        created_at)
                    VALUES (:id, :debit, :credit, :amount, :kind, :pendingId, :state, :memo, :now)
                    ON CONFLICT (id) DO NOTHING
                    RETURNING id),
                moved AS (
                    UPDATE ledger_account SET balance = balance + CASE WHEN id = :credit THEN :amount ELSE -:amount END
                    WHERE id IN (:debit, :credit) AND EXISTS (SELECT 1 FROM recorded)
                    RETURNING id, balance)
                SELECT count(*), max(balance) FILTER (WHERE id = :debit) FROM moved
                """)
                .param("id", id).param("debit", debit).param("credit", credit).param("amount", amount)
                .param("kind", kind.name()).param("pendingId", pendingId, java.sql.Types.OTHER)
                .param("state", kind.initialState().name())
                .param("memo", memo).param("now", now())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        if (moved[0] == 0) {
            return Optional.empty();
        }
        if (moved[0] != 2) {
            // both accounts were locked a moment ago; failing here rolls the caller back
            throw new IllegalStateException("ledger accounts missing for transfer " + id);
        }
        return Optional.of(moved[1]);
    }

    private Optional<TransferRow> find(UUID id) {
        return db.sql("""
                SELECT id, debit_account, credit_account, amount, kind, state, pending_id
                FROM ledger_transfer WHERE id = ?
                """)
                .param(id)
                .query(SingleTransfers::transferRow)
                .optional();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static TransferRow transferRow(ResultSet rs, int i) throws SQLException {
        return new TransferRow(rs.getObject("id", UUID.class), rs.getString("debit_account"),
                rs.getString("credit_account"), rs.getLong("amount"), TransferKind.valueOf(rs.getString("kind")),
                TransferState.valueOf(rs.getString("state")),
                rs.getObject("pending_id", UUID.class));
    }

    private record TransferRow(UUID id, String debit, String credit, long amount, TransferKind kind, TransferState state,
            UUID pendingId) {
    }
}
