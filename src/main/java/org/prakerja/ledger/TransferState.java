package org.prakerja.ledger;

/**
 * A transfer's state, the one table of its moves: a final transfer is POSTED from the start; a
 * pending one is PENDING until a post or a void resolves it, exactly once (RESOLVED).
 */
enum TransferState {
    POSTED, PENDING, RESOLVED;

    boolean canMoveTo(TransferState next) {
        return this == PENDING && next == RESOLVED;
    }
}
