package org.prakerja.training;

import java.util.List;
import org.prakerja.purchase.Voucher;

/**
 * R-61 a participant has at most one training in progress: the next voucher can be redeemed only
 * once every redeemed one is completed. Vouchers bought but not redeemed do not count.
 */
final class OnlyOneTrainingAtATime {

    private OnlyOneTrainingAtATime() {
    }

    /** @param vouchers all of the participant's vouchers, locked by the caller */
    static boolean allowsRedeeming(List<Voucher> vouchers) {
        return vouchers.stream().noneMatch(Voucher::inProgress);
    }
}
