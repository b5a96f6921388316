package org.prakerja.training;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why an institution's or a participant's request about a training was refused. */
public enum TrainingRefusal implements Refusal {
    VOUCHER_NOT_FOUND(HttpStatus.NOT_FOUND, "no voucher has that code"),
    VOUCHER_NOT_YOURS(HttpStatus.FORBIDDEN, "the voucher is for a training of another institution"),
    VOUCHER_ALREADY_REDEEMED(HttpStatus.CONFLICT, "the voucher has been redeemed already"),
    VOUCHER_REFUNDED(HttpStatus.CONFLICT, "the voucher was refunded and can no longer be used"),
    VOUCHER_NOT_REDEEMED(HttpStatus.CONFLICT, "redeem the voucher first"),
    PREVIOUS_TRAINING_NOT_COMPLETED(HttpStatus.CONFLICT, "the participant's previous training is not completed yet (R-61)"),
    PRETEST_REQUIRED(HttpStatus.CONFLICT, "record the pre-test before the completion (R-62)"),
    ALREADY_COMPLETED(HttpStatus.CONFLICT, "the training is completed already"),
    CERTIFICATE_NUMBER_TAKEN(HttpStatus.CONFLICT, "another certificate has that number"),
    CERTIFICATE_REQUIRED(HttpStatus.CONFLICT, "a review needs the training's certificate first (R-64)"),
    ALREADY_REVIEWED(HttpStatus.CONFLICT, "this training has been reviewed already"),
    CERTIFICATE_NOT_FOUND(HttpStatus.NOT_FOUND, "no certificate has that number");

    private final HttpStatus status;
    private final String detail;

    TrainingRefusal(HttpStatus status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String detail() {
        return detail;
    }
}
