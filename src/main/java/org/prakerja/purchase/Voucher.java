package org.prakerja.purchase;

import java.time.Instant;
import java.util.UUID;

/** A purchased training's voucher and where it is in its life. */
public record Voucher(UUID purchaseId, String code, UUID cardId, UUID participantId, String trainingId,
        String institutionId, String platformId, long price, UUID reservationId, VoucherStatus status,
        Instant purchasedAt, Instant redeemedAt) {

    /** R-61 redeemed and not yet completed. */
    public boolean inProgress() {
        return status.inProgress();
    }
}
