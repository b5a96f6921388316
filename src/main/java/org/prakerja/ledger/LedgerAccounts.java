package org.prakerja.ledger;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's accounts: opened by their first transfer, locked in one order (their id's) so that
 * two transfers or batches touching the same accounts cannot deadlock. Callers hold the ledger's
 * transaction.
 */
@Component
class LedgerAccounts {

    private final JdbcClient db;

    LedgerAccounts(JdbcClient db) {
        this.db = db;
    }

    record Locked(String id, long balance, boolean mayGoNegative) {
    }

    /** Locks both accounts in a fixed order, so opposite transfers cannot deadlock. */
    List<Locked> lock(AccountId debit, AccountId credit) {
        return db.sql("""
                SELECT id, balance, may_go_negative FROM ledger_account
                WHERE id IN (?, ?) ORDER BY id FOR UPDATE
                """)
                .params(debit.value(), credit.value())
                .query((rs, i) -> new Locked(rs.getString(1), rs.getLong(2), rs.getBoolean(3)))
                .list();
    }

    /**
     * Locks the accounts in their one order, so two batches cannot deadlock, and opens those that do
     * not exist yet. Those are opened after the others are locked: this transaction holds a row it
     * inserted until it commits, and only a transaction inserting the same account waits for it, which
     * has its own locks already and waits for none of ours. A batch's accounts mostly exist, and
     * looking them up once instead of trying to insert each first cost a disbursement a twentieth of
     * its time (bench/RESULTS.md).
     */
    void lockOpening(String[] sortedAccounts) {
        var found = new HashSet<>(lockInOrder(sortedAccounts));
        if (found.size() < sortedAccounts.length) {
            var missing = Arrays.stream(sortedAccounts).filter(a -> !found.contains(a)).toArray(String[]::new);
            open(missing);
            // opened meanwhile by another transaction, which has committed: locked like the others
            lockInOrder(missing);
        }
    }

    List<String> lockInOrder(String[] sortedAccounts) {
        return db.sql("SELECT id FROM ledger_account WHERE id = ANY(?::text[]) ORDER BY id FOR UPDATE")
                .param(sortedAccounts).query(String.class).list();
    }

    /** An account never opened has a balance of zero. */
    long signedBalance(AccountId account) {
        return db.sql("SELECT balance FROM ledger_account WHERE id = ?").param(account.value()).query(Long.class)
                .optional().orElse(0L);
    }

    void open(String... accounts) {
        var ids = Arrays.stream(accounts).distinct().toArray(String[]::new);
        var kinds = Arrays.stream(ids).map(i -> new AccountId(i).kind().name()).toArray(String[]::new);
        db.sql("""
                INSERT INTO ledger_account (id, kind)
                SELECT i, k FROM unnest(?::text[], ?::text[]) AS a(i, k)
                WHERE NOT EXISTS (SELECT 1 FROM ledger_account e WHERE e.id = a.i)
                ON CONFLICT (id) DO NOTHING
                """)
                .params(ids, kinds)
                .update();
    }
}
