package org.prakerja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.catalog.Catalog;
import org.prakerja.catalog.Category;
import org.prakerja.catalog.Method;
import org.prakerja.training.TrainingReviewed;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * docs/architecture.md, between modules: a crash between the fact and a module's reaction loses nothing. Two
 * runs of the service, one after the other, on one database.
 */
class EventRegistryRestartTest {

    @Test
    @DisplayName("a reaction that failed runs again, and completes, when the service starts again on the same database")
    void failedReactionRunsAfterRestart() throws IOException {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-pg");
        String training = "TR-RS-" + UUID.randomUUID().toString().substring(0, 8);

        try (var first = start(dataDir)) {
            var db = first.getBean(JdbcClient.class);
            var catalog = first.getBean(Catalog.class);
            catalog.addInstitution("LP-RESTART", "Lembaga Uji Restart");
            catalog.addTraining(training, "Pelatihan uji restart", Category.BAHASA, "untuk uji", "LP-RESTART", 100_000, 8,
                    Method.VIDEO, List.of());
            // the catalog's table refuses the update, as a database in trouble would
            db.sql("""
                    CREATE OR REPLACE FUNCTION test_refuse_update() RETURNS trigger LANGUAGE plpgsql AS
                    $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$
                    """).update();
            // only this training's row, and a trigger of this run's own: PRAKERJA_TEST_DB_URL may name a shared server
            String trigger = "refuse_" + training.substring(training.length() - 8);
            db.sql("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON training FOR EACH ROW WHEN (NEW.id = '" + training
                    + "') EXECUTE FUNCTION test_refuse_update()").update();

            // as training publishes it: in the transaction of the review
            first.getBean(TransactionTemplate.class).executeWithoutResult(s -> first.publishEvent(
                    new TrainingReviewed(UUID.randomUUID(), UUID.randomUUID(), training, 5, Instant.now())));

            await().untilAsserted(() -> assertThat(status(db, "event_publication", training)).containsExactly("FAILED"));
            db.sql("DROP TRIGGER " + trigger + " ON training").update();
            assertThat(ratingCount(db, training)).isZero();
        }

        try (var second = start(dataDir)) {
            var db = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(ratingCount(db, training)).isEqualTo(1);
                assertThat(status(db, "event_publication", training)).isEmpty();
                assertThat(status(db, "event_publication_archive", training)).hasSize(1);
            });
            // a shared server (PRAKERJA_TEST_DB_URL) keeps its catalog as the catalog tests expect it
            db.sql("DELETE FROM training WHERE id = ?").param(training).update();
            db.sql("DELETE FROM institution WHERE id = 'LP-RESTART'").update();
        }
    }

    /** The service as production runs it, on the embedded PostgreSQL kept in {@code dataDir}. */
    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(PrakerjaApplication.class)
                .profiles("test")
                .run("--prakerja.db.embedded.data-dir=" + dataDir, "--server.port=0");
    }

    private static List<String> status(JdbcClient db, String table, String training) {
        // the catalog's publication: incentives listen for reviews too
        return db.sql("SELECT coalesce(status, 'NONE') FROM " + table
                        + " WHERE serialized_event LIKE ? AND listener_id LIKE '%RatingsFromReviews%'")
                .param("%\"" + training + "\"%").query(String.class).list();
    }

    private static int ratingCount(JdbcClient db, String training) {
        return db.sql("SELECT rating_count FROM training WHERE id = ?").param(training).query(Integer.class).single();
    }
}
