package org.prakerja.training;

import org.prakerja.common.Refusal;

/** Why an institution's or a participant's request about a training was refused. */
public enum TrainingRefusal implements Refusal {
    VOUCHER_NOT_FOUND("no voucher has that code"),
    VOUCHER_NOT_YOURS("the voucher is for a training of another institution"),
    VOUCHER_ALREADY_REDEEMED("the voucher has been redeemed already"),
    VOUCHER_REFUNDED("the voucher was refunded and can no longer be used"),
    VOUCHER_NOT_REDEEMED("redeem the voucher first"),
    PREVIOUS_TRAINING_NOT_COMPLETED("the participant's previous training is not completed yet (R-61)"),
    PRETEST_REQUIRED("record the pre-test before the completion (R-62)"),
    ALREADY_COMPLETED("the training is completed already"),
    CERTIFICATE_NUMBER_TAKEN("another certificate has that number"),
    CERTIFICATE_REQUIRED("a review needs the training's certificate first (R-64)"),
    ALREADY_REVIEWED("this training has been reviewed already");

    private final String detail;

    TrainingRefusal(String detail) {
        this.detail = detail;
    }

    @Override
    public String detail() {
        return detail;
    }
}
