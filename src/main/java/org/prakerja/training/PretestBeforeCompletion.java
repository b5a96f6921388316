package org.prakerja.training;

import org.prakerja.purchase.VoucherStatus;

/**
 * R-62 a pre-test must be recorded before a training can be completed (required since wave 18;
 * {@code prakerja.rules.pretest-required}).
 */
record PretestBeforeCompletion(boolean required) {

    /** @param status where the redeemed voucher is now */
    boolean allowsCompleting(VoucherStatus status) {
        return !required || status != VoucherStatus.REDEEMED;
    }
}
