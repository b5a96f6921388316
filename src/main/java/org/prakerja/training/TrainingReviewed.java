package org.prakerja.training;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.UUID;
import org.prakerja.catalog.RatingGiven;

/**
 * R-64 the participant rated and reviewed a completed training. Published in the transaction that
 * stores the review; the catalog's rating takes it in (through {@link RatingGiven}, the shape the
 * catalog listens for), and the review is one of the incentive's conditions.
 */
public record TrainingReviewed(UUID participantId,
        // events published before the rename are stored in the registry under their old name
        @JsonAlias("voucherId") UUID purchaseId, String trainingId, int rating, Instant reviewedAt)
        implements RatingGiven {
}
