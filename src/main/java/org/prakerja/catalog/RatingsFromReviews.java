package org.prakerja.catalog;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * R-64 ratings feed the catalog: after the review is stored, in a transaction of its own, and
 * again from the event registry if it failed (a lost rating would stay lost otherwise).
 */
@Component
class RatingsFromReviews {

    private final Catalog catalog;

    RatingsFromReviews(Catalog catalog) {
        this.catalog = catalog;
    }

    @ApplicationModuleListener
    void on(RatingGiven rating) {
        catalog.addRating(rating.purchaseId(), rating.trainingId(), rating.rating());
    }
}
