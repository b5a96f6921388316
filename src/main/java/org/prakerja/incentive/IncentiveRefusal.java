package org.prakerja.incentive;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a participant's request about incentives was refused. */
public enum IncentiveRefusal implements Refusal {
    HOLDER_NAME_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "the account's holder is not the registered full name (R-71)"),
    PHONE_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "an e-wallet must be on the registered phone number (R-71)"),
    PAYOUT_ACCOUNT_NOT_FOUND(HttpStatus.UNPROCESSABLE_CONTENT, "the provider knows no such account"),
    PAYOUT_IN_PROGRESS(HttpStatus.CONFLICT, "a payout to the current account is being processed; change it afterwards"),
    SURVEY_NOT_OPEN(HttpStatus.CONFLICT, "this survey is not open (yet)"),
    ALREADY_ANSWERED(HttpStatus.CONFLICT, "this survey has been answered already");

    private final HttpStatus status;
    private final String detail;

    IncentiveRefusal(HttpStatus status, String detail) {
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
