package org.prakerja.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The partner API's answers (docs/api.md section 3) as the demo pages read them off the wire: a
 * partner's own copy of the contract, not the service's classes, as any real partner would have.
 */
final class PartnerAnswers {

    private PartnerAnswers() {
    }

    record Institution(String id, String name) {
    }

    record TrainingItem(String id, String title, String categoryName, Institution institution, long price, int hours,
            String method, double rating, int ratingCount, String description) {
    }

    record TrainingList(List<TrainingItem> items) {
    }

    record OtpIssued(UUID otpId, Instant expiresAt, String phoneMasked) {
    }

    record Purchased(UUID purchaseId, String voucherCode, String trainingId, long price, long remainingBalance,
            Instant purchasedAt) {
    }

    record Purchase(UUID purchaseId, String voucherCode, String status, long price, Instant purchasedAt,
            String trainingId) {
    }

    record Refunded(UUID purchaseId, String status, long refundedAmount, long remainingBalance) {
    }

    record Voucher(String voucherCode, String trainingId, String participantName, String status) {
    }

    record Step(String status) {
    }
}
