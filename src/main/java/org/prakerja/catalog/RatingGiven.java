package org.prakerja.catalog;

/**
 * A participant's rating of a training, as the catalog's rating takes it in.
 *
 * <p>The module that records reviews publishes its event as one of these. The catalog listens for
 * this type of its own rather than for that event: the reviewing module asks the catalog about
 * trainings (and buys them through purchase, which asks it too), so a catalog that named the
 * event's type would make a cycle between the modules.
 */
public interface RatingGiven {

    /** The review's own id (its voucher): a rating counts once, however often it arrives. */
    java.util.UUID purchaseId();

    String trainingId();

    /** 1 to 5. */
    int rating();
}
