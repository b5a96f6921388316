package org.prakerja.ledger;

import java.util.UUID;

/** What became of a transfer request: done (perhaps earlier, by the same id) or refused. */
public sealed interface TransferResult {

    /**
     * {@code debitBalance} is the debit account's balance right after the transfer (now, for a
     * replay), so a caller need not read it again; only an account that may go negative (the
     * program fund) shows a negative one.
     */
    record Done(UUID transferId, boolean replayed, long debitBalance) implements TransferResult {
    }

    record Refused(Reason reason) implements TransferResult {
    }

    enum Reason {
        /** the debit account would go below zero */
        INSUFFICIENT_FUNDS,
        /** the id was used before for a different transfer */
        ID_REUSED,
        /** no pending transfer has that id */
        PENDING_NOT_FOUND,
        /** the pending transfer was already posted or voided by another transfer */
        ALREADY_RESOLVED
    }

    default boolean isDone() {
        return this instanceof Done;
    }
}
