package org.prakerja.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.purchase.VoucherStatus.COMPLETED;
import static org.prakerja.purchase.VoucherStatus.PRETEST_DONE;
import static org.prakerja.purchase.VoucherStatus.PURCHASED;
import static org.prakerja.purchase.VoucherStatus.REDEEMED;
import static org.prakerja.purchase.VoucherStatus.REFUNDED;
import static org.prakerja.purchase.VoucherStatus.VOIDED;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VoucherStatusTest {

    /** The moves docs/rules.md allows, written out apart from the table under test. */
    private static final Set<String> ALLOWED = Set.of(
            "PURCHASED>REDEEMED", // R-60 redemption
            "PURCHASED>REFUNDED", // R-53 refund of an unredeemed voucher
            "PURCHASED>VOIDED", // R-65 an unredeemed voucher's reservation returns
            "REDEEMED>PRETEST_DONE", // R-62 the pre-test
            "REDEEMED>COMPLETED", // R-63 completion where no pre-test is required
            "PRETEST_DONE>COMPLETED"); // R-63 completion after the pre-test

    static Stream<Arguments> everyMove() {
        return Arrays.stream(VoucherStatus.values()).flatMap(from -> Arrays.stream(VoucherStatus.values())
                .map(to -> Arguments.of(from, to, ALLOWED.contains(from + ">" + to))));
    }

    @ParameterizedTest(name = "{0} to {1}: allowed {2}")
    @MethodSource("everyMove")
    @DisplayName("R-52..R-63 a voucher moves only along its life: bought, then refunded or voided, or redeemed, pre-tested and completed")
    void onlyTheMovesOfItsLife(VoucherStatus from, VoucherStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    @DisplayName("R-53 only a voucher not yet redeemed can be refunded")
    void refundOnlyBeforeRedemption() {
        assertThat(VoucherStatus.movingTo(REFUNDED)).containsExactly(PURCHASED);
    }

    @Test
    @DisplayName("R-60 a voucher is redeemed once, and never after a refund")
    void redeemedOnce() {
        assertThat(VoucherStatus.movingTo(REDEEMED)).containsExactly(PURCHASED);
    }

    @Test
    @DisplayName("R-63 completion follows redemption (with or without the pre-test), nothing else")
    void completionAfterRedemption() {
        assertThat(VoucherStatus.movingTo(COMPLETED)).containsExactly(REDEEMED, PRETEST_DONE);
    }

    @Test
    @DisplayName("R-63 completed, refunded and voided are the ends of a voucher's life")
    void ends() {
        for (var end : new VoucherStatus[] {COMPLETED, REFUNDED, VOIDED}) {
            assertThat(Arrays.stream(VoucherStatus.values()).filter(end::canMoveTo)).as(end.name()).isEmpty();
        }
    }

    @Test
    @DisplayName("R-61 a training is in progress from redemption until completion")
    void inProgress() {
        assertThat(Arrays.stream(VoucherStatus.values()).filter(VoucherStatus::inProgress))
                .containsExactly(REDEEMED, PRETEST_DONE);
    }

    @Test
    @DisplayName("R-53 a refunded or voided voucher can no longer be used")
    void cancelled() {
        assertThat(Arrays.stream(VoucherStatus.values()).filter(VoucherStatus::cancelled))
                .containsExactly(REFUNDED, VOIDED);
    }
}
