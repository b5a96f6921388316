package org.prakerja.purchase;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a platform's request was refused, with docs/api.md's codes. */
public enum PurchaseRefusal implements Refusal {
    CARD_NOT_FOUND(HttpStatus.NOT_FOUND, "no active card has that number"),
    CARD_NOT_ACTIVE(HttpStatus.CONFLICT, "the card is deactivated (R-33)"),
    OTP_INVALID(HttpStatus.UNAUTHORIZED, "the OTP is wrong or unknown"),
    OTP_EXPIRED(HttpStatus.CONFLICT, "the OTP has expired; request a new one"),
    OTP_LOCKED(HttpStatus.TOO_MANY_REQUESTS, "too many wrong OTPs for this card; try again later"),
    TRAINING_NOT_FOUND(HttpStatus.NOT_FOUND, "no training has that id"),
    TRAINING_NOT_SOLD_HERE(HttpStatus.CONFLICT, "this platform does not sell that training"),
    INSUFFICIENT_BALANCE(HttpStatus.CONFLICT, "the card's balance does not cover the price"),
    VOUCHER_NOT_FOUND(HttpStatus.NOT_FOUND, "no purchase or voucher with that id here"),
    VOUCHER_ALREADY_REDEEMED(HttpStatus.CONFLICT, "the voucher has been redeemed"),
    REFUND_NOT_ALLOWED(HttpStatus.CONFLICT, "the platform's refund policy does not allow this refund"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "too many OTP requests; slow down");

    private final HttpStatus status;
    private final String detail;

    PurchaseRefusal(HttpStatus status, String detail) {
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
