package org.prakerja.ledger;

import java.util.UUID;
import org.prakerja.common.Rupiah;

/** One transfer of a batch: money moves from {@code debit} to {@code credit}. */
public record Movement(UUID transferId, AccountId debit, AccountId credit, Rupiah amount) {

    public Movement {
        if (amount.isZero()) {
            throw new IllegalArgumentException("a transfer moves a positive amount");
        }
        if (debit.equals(credit)) {
            throw new IllegalArgumentException("a transfer moves between two accounts");
        }
    }
}
