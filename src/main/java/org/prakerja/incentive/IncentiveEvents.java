package org.prakerja.incentive;

import org.prakerja.card.CardsRevoked;
import org.prakerja.training.TrainingCompleted;
import org.prakerja.training.TrainingReviewed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * R-70 the facts incentives start from, as the training and card modules publish them: after their
 * transaction, in one of its own, and again from the event registry if it failed or the instance
 * died (at least once; {@link Incentives} changes nothing the second time).
 */
@Component
class IncentiveEvents {

    private final Incentives incentives;

    IncentiveEvents(Incentives incentives) {
        this.incentives = incentives;
    }

    @ApplicationModuleListener
    void on(TrainingCompleted completed) {
        incentives.completed(completed);
    }

    @ApplicationModuleListener
    void on(TrainingReviewed reviewed) {
        incentives.reviewed(reviewed);
    }

    @ApplicationModuleListener
    void on(CardsRevoked revoked) {
        incentives.revoked(revoked);
    }
}
