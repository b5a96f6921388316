package org.prakerja.ledger;

import java.util.Map;

/**
 * The ledger checked against itself: balances by kind must add up to zero, and every account's
 * kept balance must equal the sum of the transfers that touched it.
 */
public record Reconciliation(boolean balanced, long total, Map<AccountKind, Long> accounts, long mismatchedAccounts) {
}
