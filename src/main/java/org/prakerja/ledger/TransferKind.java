package org.prakerja.ledger;

/** What a transfer does, in the manner of TigerBeetle's flags. */
enum TransferKind {
    /** a final transfer */
    SINGLE,
    /** a reservation, waiting to be posted or voided */
    PENDING,
    /** pays a pending transfer out to a third account */
    POST,
    /** returns a pending transfer to the account it came from */
    VOID;

    /** The state a new transfer of this kind is recorded in. */
    TransferState initialState() {
        return this == PENDING ? TransferState.PENDING : TransferState.POSTED;
    }
}
