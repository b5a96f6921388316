package org.prakerja.training;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.UUID;

/**
 * R-63 the institution reported a training completed, with its certificate. Published in the
 * transaction that records the completion; the participant is told, and the incentive
 * module will start from the first one.
 *
 * @param purchaseId the purchase the training record belongs to (the voucher's id, not its code:
 *        the code redeems a training and stays out of the event registry)
 */
public record TrainingCompleted(UUID participantId,
        // events published before the rename are stored in the registry under their old name
        @JsonAlias("voucherId") UUID purchaseId, String trainingId, String certificateNumber,
        Instant completedAt) {
}
