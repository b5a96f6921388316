package org.prakerja.catalog;

/** A digital platform and its R-53 refund policy. */
public record Platform(String id, String name, boolean refundAllowed, int refundDays) {
}
