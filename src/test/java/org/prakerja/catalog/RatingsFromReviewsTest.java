package org.prakerja.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.common.PageRequest;
import org.prakerja.training.TrainingReviewed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/** R-64 ratings feed the catalog, from the training module's event, through the event registry. */
@IntegrationTest
class RatingsFromReviewsTest {

    @Autowired
    Catalog catalog;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    IncompleteEventPublications incomplete;

    @Test
    @DisplayName("R-64 each review's rating feeds the training's average and count in the catalog")
    void reviewsFeedTheRating() {
        String training = aTraining();

        reviewed(training, 4);
        reviewed(training, 5);

        await().untilAsserted(() -> assertThat(ratings(training)).isEqualTo(new Ratings(9, 2)));
        assertThat(catalog.search(new TrainingQuery(null, null, null, training, null, null, null),
                new PageRequest(0, 5)).items())
                .singleElement().satisfies(t -> assertThat(t.rating()).isEqualTo(4.5));
    }

    @Test
    @DisplayName("R-64 a rating delivered twice (a redelivery after a crash, a second instance at start) counts once")
    void ratingCountsOnce() {
        String training = aTraining();
        var review = java.util.UUID.randomUUID();
        catalog.addRating(review, training, 4);
        catalog.addRating(review, training, 4);
        catalog.addRating(java.util.UUID.randomUUID(), training, 2);
        assertThat(ratings(training)).isEqualTo(new Ratings(6, 2));
    }

    @Test
    @DisplayName("a rating whose listener failed stays in the event registry, and is taken in when the "
            + "incomplete publications are resubmitted, as an instance does when it starts")
    void failedReactionRunsAgain() {
        String training = aTraining();
        String trigger = "refuse_" + training.substring(training.length() - 8);
        // the catalog's table refuses the update, as a database in trouble would
        db.sql("""
                CREATE OR REPLACE FUNCTION test_refuse_update() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$
                """).update();
        db.sql("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON training FOR EACH ROW WHEN (NEW.id = '" + training
                + "') EXECUTE FUNCTION test_refuse_update()").update();

        reviewed(training, 3);

        await().untilAsserted(() -> assertThat(publication("event_publication", training))
                .as("the failed publication is kept").hasValueSatisfying(status -> assertThat(status).isEqualTo("FAILED")));
        assertThat(ratings(training)).isEqualTo(new Ratings(0, 0));

        db.sql("DROP TRIGGER " + trigger + " ON training").update();
        incomplete.resubmitIncompletePublications(
                p -> p.getEvent() instanceof TrainingReviewed r && r.trainingId().equals(training));

        await().untilAsserted(() -> assertThat(ratings(training)).isEqualTo(new Ratings(3, 1)));
        await().untilAsserted(() -> {
            assertThat(publication("event_publication", training)).isEmpty();
            assertThat(publication("event_publication_archive", training)).isPresent();
        });
    }

    private String aTraining() {
        var like = catalog.training("TR-001").orElseThrow();
        String id = "TR-RV-" + UUID.randomUUID().toString().substring(0, 8);
        // sold by no platform, so the purchase tests never pick it
        catalog.addTraining(id, "Pelatihan ulasan " + id, like.category(), "untuk uji rating",
                like.institution().id(), 100_000, 8, Method.VIDEO, List.of());
        return id;
    }

    /** What the training module publishes when it stores a review. */
    private void reviewed(String training, int rating) {
        tx.executeWithoutResult(s -> events.publishEvent(
                new TrainingReviewed(UUID.randomUUID(), UUID.randomUUID(), training, rating, Instant.now())));
    }

    record Ratings(long sum, int count) {
    }

    private Ratings ratings(String training) {
        return db.sql("SELECT rating_sum, rating_count FROM training WHERE id = ?").param(training)
                .query((rs, i) -> new Ratings(rs.getLong(1), rs.getInt(2))).single();
    }

    private Optional<String> publication(String table, String training) {
        // the catalog's own publication: incentives listen for reviews too
        return db.sql("SELECT coalesce(status, 'NONE') FROM " + table
                        + " WHERE event_type = ? AND serialized_event LIKE ? AND listener_id LIKE '%RatingsFromReviews%'")
                .params(TrainingReviewed.class.getName(), "%\"" + training + "\"%")
                .query(String.class).optional();
    }
}
