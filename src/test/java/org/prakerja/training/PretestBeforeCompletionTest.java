package org.prakerja.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.purchase.VoucherStatus;

class PretestBeforeCompletionTest {

    private final PretestBeforeCompletion required = new PretestBeforeCompletion(true);

    @Test
    @DisplayName("R-62 a redeemed training without its pre-test cannot be completed")
    void refusedWithoutPretest() {
        assertThat(required.allowsCompleting(VoucherStatus.REDEEMED)).isFalse();
    }

    @Test
    @DisplayName("R-62 a training with its pre-test recorded can be completed")
    void allowedAfterPretest() {
        assertThat(required.allowsCompleting(VoucherStatus.PRETEST_DONE)).isTrue();
    }

    @Test
    @DisplayName("R-62 where the pre-test is not required (waves before 18), a redeemed training can be completed")
    void notRequired() {
        assertThat(new PretestBeforeCompletion(false).allowsCompleting(VoucherStatus.REDEEMED)).isTrue();
    }
}
