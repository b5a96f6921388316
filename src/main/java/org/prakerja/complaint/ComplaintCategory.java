package org.prakerja.complaint;

/** R-80 what a complaint is about. */
public enum ComplaintCategory {
    ACCOUNT, SELECTION, CARD, PURCHASE, VOUCHER, TRAINING, CERTIFICATE, INCENTIVE, OTHER
}
