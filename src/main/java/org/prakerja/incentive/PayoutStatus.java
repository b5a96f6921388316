package org.prakerja.incentive;

/**
 * R-72 a payout's states, and the only moves between them: sent (SCHEDULED → PROCESSING), confirmed
 * (→ PAID), refused or never received (→ SCHEDULED again, or FAILED once the retries are used up),
 * and sent again after the account changed (FAILED → SCHEDULED). PAID is final. The statements of
 * {@link Disbursement} and {@link PayoutAccounts} make each move guarded by the state it starts from.
 */
enum PayoutStatus {
    SCHEDULED, PROCESSING, PAID, FAILED;

    public boolean canMoveTo(PayoutStatus to) {
        return switch (this) {
            case SCHEDULED -> to == PROCESSING;
            case PROCESSING -> to == PAID || to == SCHEDULED || to == FAILED;
            case FAILED -> to == SCHEDULED;
            case PAID -> false;
        };
    }
}
