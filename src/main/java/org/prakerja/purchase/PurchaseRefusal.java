package org.prakerja.purchase;

import org.prakerja.common.Refusal;

/** Why a platform's request was refused, with API.md's codes. */
public enum PurchaseRefusal implements Refusal {
    CARD_NOT_FOUND("no active card has that number"),
    CARD_NOT_ACTIVE("the card is deactivated (R-33)"),
    OTP_INVALID("the OTP is wrong or unknown"),
    OTP_EXPIRED("the OTP has expired; request a new one"),
    OTP_LOCKED("too many wrong OTPs for this card; try again later"),
    TRAINING_NOT_FOUND("no training has that id"),
    TRAINING_NOT_SOLD_HERE("this platform does not sell that training"),
    INSUFFICIENT_BALANCE("the card's balance does not cover the price"),
    VOUCHER_NOT_FOUND("no purchase or voucher with that id here"),
    VOUCHER_ALREADY_REDEEMED("the voucher has been redeemed"),
    REFUND_NOT_ALLOWED("the platform's refund policy does not allow this refund"),
    RATE_LIMITED("too many OTP requests; slow down");

    private final String detail;

    PurchaseRefusal(String detail) {
        this.detail = detail;
    }

    @Override
    public String detail() {
        return detail;
    }
}
