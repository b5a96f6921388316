package org.prakerja.incentive;

/** R-71 where a payout can go: an e-wallet on the participant's own phone, or a bank account. */
public enum PayoutProvider {
    GOPAY, OVO, DANA, LINKAJA, SHOPEEPAY, BNI, BCA;

    /** An e-wallet's number is a phone number, and it must be the registered one. */
    public boolean eWallet() {
        return this != BNI && this != BCA;
    }
}
