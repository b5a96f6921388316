package org.prakerja.purchase;

import java.time.Duration;
import java.time.Instant;
import org.prakerja.catalog.Platform;

/**
 * R-53 the selling platform's own refund policy: refunds allowed or not, and within how many days
 * of the purchase (the last instant of the window still counts).
 */
record RefundWindow(Platform platform) {

    boolean allows(Instant purchasedAt, Instant now) {
        return platform.refundAllowed() && !now.isAfter(purchasedAt.plus(Duration.ofDays(platform.refundDays())));
    }
}
