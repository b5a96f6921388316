package org.prakerja.complaint;

/** R-80 what a complaint is about. */
enum ComplaintCategory {
    ACCOUNT, SELECTION, CARD, PURCHASE, VOUCHER, TRAINING, CERTIFICATE, INCENTIVE, OTHER
}
