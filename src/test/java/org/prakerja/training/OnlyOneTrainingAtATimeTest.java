package org.prakerja.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.purchase.Voucher;
import org.prakerja.purchase.VoucherStatus;

class OnlyOneTrainingAtATimeTest {

    private static Voucher aVoucher(VoucherStatus status) {
        return new Voucher(UUID.randomUUID(), "PK-7M3QD-XH9KA", UUID.randomUUID(), UUID.randomUUID(), "T-1", "lp-1",
                "tokopedia", 250_000, UUID.randomUUID(), status, Instant.parse("2022-03-20T10:00:00Z"), null);
    }

    @Test
    @DisplayName("R-61 the first voucher can be redeemed")
    void first() {
        assertThat(OnlyOneTrainingAtATime.allowsRedeeming(List.of(aVoucher(VoucherStatus.PURCHASED)))).isTrue();
    }

    @Test
    @DisplayName("R-61 the next voucher waits while the previous training is redeemed and not completed")
    void waitsForRedeemed() {
        assertThat(OnlyOneTrainingAtATime.allowsRedeeming(
                List.of(aVoucher(VoucherStatus.REDEEMED), aVoucher(VoucherStatus.PURCHASED)))).isFalse();
    }

    @Test
    @DisplayName("R-61 the next voucher waits while the previous training has only its pre-test")
    void waitsForPretested() {
        assertThat(OnlyOneTrainingAtATime.allowsRedeeming(
                List.of(aVoucher(VoucherStatus.PRETEST_DONE), aVoucher(VoucherStatus.PURCHASED)))).isFalse();
    }

    @Test
    @DisplayName("R-61 the next voucher can be redeemed once the previous training is completed")
    void afterCompletion() {
        assertThat(OnlyOneTrainingAtATime.allowsRedeeming(
                List.of(aVoucher(VoucherStatus.COMPLETED), aVoucher(VoucherStatus.PURCHASED)))).isTrue();
    }

    @Test
    @DisplayName("R-61 bought, refunded and voided vouchers are no training in progress")
    void notInProgress() {
        assertThat(OnlyOneTrainingAtATime.allowsRedeeming(List.of(aVoucher(VoucherStatus.PURCHASED),
                aVoucher(VoucherStatus.REFUNDED), aVoucher(VoucherStatus.VOIDED)))).isTrue();
    }
}
