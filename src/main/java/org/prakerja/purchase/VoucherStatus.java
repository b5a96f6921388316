package org.prakerja.purchase;

import java.util.Arrays;
import java.util.List;

/**
 * A voucher's life, the one table of its moves: bought, then either refunded or
 * voided with its card, or redeemed, pre-tested and completed. Only
 * {@link Vouchers}' named acts move a voucher, each guarded by this table in its SQL.
 */
public enum VoucherStatus {
    PURCHASED, REDEEMED, PRETEST_DONE, COMPLETED, REFUNDED, VOIDED;

    public boolean canMoveTo(VoucherStatus next) {
        return switch (this) {
            case PURCHASED -> next == REDEEMED || next == REFUNDED || next == VOIDED;
            // straight to COMPLETED only where no pre-test is required (R-62 decides, not this table)
            case REDEEMED -> next == PRETEST_DONE || next == COMPLETED;
            case PRETEST_DONE -> next == COMPLETED;
            case COMPLETED, REFUNDED, VOIDED -> false;
        };
    }

    /** R-61 redeemed and not yet completed: the one training a participant may have in progress. */
    public boolean inProgress() {
        return this == REDEEMED || this == PRETEST_DONE;
    }

    /** Refunded or voided: the voucher can no longer be used. */
    public boolean cancelled() {
        return this == REFUNDED || this == VOIDED;
    }

    /** The states a voucher may reach {@code next} from, for the guard of a conditional UPDATE. */
    static List<VoucherStatus> movingTo(VoucherStatus next) {
        return Arrays.stream(values()).filter(s -> s.canMoveTo(next)).toList();
    }
}
