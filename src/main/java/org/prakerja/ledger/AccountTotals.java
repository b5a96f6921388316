package org.prakerja.ledger;

import java.util.Map;

/**
 * The sums held by each kind of account and how many accounts of each kind there are, from the
 * accounts' kept balances. {@code total} is 0 when the books balance at that level; whether each
 * balance matches its transfers is {@link Reconciliation}'s deeper check.
 */
public record AccountTotals(Map<AccountKind, Long> balances, Map<AccountKind, Long> accounts, long total) {

    public boolean balanced() {
        return total == 0;
    }
}
