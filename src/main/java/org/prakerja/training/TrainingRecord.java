package org.prakerja.training;

import java.time.Instant;
import java.util.UUID;

/** What the institution reported about one redeemed voucher, and the participant's review. */
record TrainingRecord(UUID purchaseId, Integer pretestScore, Integer postTestScore, Instant completedAt,
        String certificateNumber, String certificateUrl, Instant certificateIssuedAt, Integer reviewRating,
        String reviewText, Instant reviewedAt) {
}
