package org.prakerja.ledger;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ledger's books as operators read them: totals by kind of account, and reconciliation. */
@Component
class Books {

    private final JdbcClient db;

    Books(JdbcClient db) {
        this.db = db;
    }

    /**
     * What each kind of account holds, and how many accounts there are, from the accounts' kept
     * balances alone: one pass over the accounts (two per card), never over the transfers, which
     * grow with every purchase. The console shows this on every view; {@link #reconcile()} also
     * checks each balance against its transfers and is run on request.
     */
    AccountTotals totals() {
        Map<AccountKind, Long> balances = new EnumMap<>(AccountKind.class);
        Map<AccountKind, Long> accounts = new EnumMap<>(AccountKind.class);
        for (AccountKind kind : AccountKind.values()) {
            balances.put(kind, 0L);
            accounts.put(kind, 0L);
        }
        db.sql("SELECT kind, sum(balance), count(*) FROM ledger_account GROUP BY kind")
                .query(rs -> {
                    var kind = AccountKind.valueOf(rs.getString(1));
                    balances.put(kind, rs.getLong(2));
                    accounts.put(kind, rs.getLong(3));
                });
        return new AccountTotals(balances, accounts, balances.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Sum of balances by kind; balanced when they add up to zero and every account matches its transfers. */
    Reconciliation reconcile() {
        Map<AccountKind, Long> byKind = new EnumMap<>(AccountKind.class);
        for (AccountKind kind : AccountKind.values()) {
            byKind.put(kind, 0L);
        }
        db.sql("SELECT kind, sum(balance) AS total FROM ledger_account GROUP BY kind")
                .query((rs, i) -> Map.entry(AccountKind.valueOf(rs.getString("kind")), rs.getLong("total")))
                .list()
                .forEach(e -> byKind.put(e.getKey(), e.getValue()));
        long total = byKind.values().stream().mapToLong(Long::longValue).sum();
        long mismatched = db.sql("""
                SELECT count(*) FROM ledger_account a
                LEFT JOIN (
                    SELECT account, sum(delta) AS sum FROM (
                        SELECT debit_account AS account, -amount AS delta FROM ledger_transfer
                        UNION ALL
                        SELECT credit_account, amount FROM ledger_transfer) d
                    GROUP BY account) t ON t.account = a.id
                WHERE a.balance <> coalesce(t.sum, 0)
                """).query(Long.class).single();
        return new Reconciliation(total == 0 && mismatched == 0, total, byKind, mismatched);
    }
}
