package org.prakerja.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

class ShippedMigrationEditsTest {

    private final JdbcClient db = JdbcClient.create(TestDatabase.get());
    private final String schema = "edits_" + UUID.randomUUID().toString().replace("-", "");

    /** A database migrated before the comments changed: today's history with the old checksums. */
    @BeforeEach
    void migratedBeforeTheEdits() {
        db.sql("CREATE SCHEMA " + schema).update();
        db.sql("CREATE TABLE " + schema + ".flyway_schema_history AS SELECT * FROM public.flyway_schema_history").update();
        for (var edit : ShippedMigrationEdits.EDITS) {
            db.sql("UPDATE " + schema + ".flyway_schema_history SET checksum = ? WHERE version = ?")
                    .params(edit.before(), edit.version()).update();
        }
    }

    private Flyway flyway(boolean withEdits) {
        var configure = Flyway.configure().dataSource(TestDatabase.get()).schemas(schema).createSchemas(false)
                .locations("classpath:db/migration");
        return (withEdits ? configure.callbacks(new ShippedMigrationEdits()) : configure).load();
    }

    @Test
    @DisplayName("without the known edits a database migrated with the old comments would refuse to start")
    void oldChecksumsFailValidation() {
        assertThatThrownBy(() -> flyway(false).validate()).isInstanceOf(FlywayValidateException.class);
    }

    @Test
    @DisplayName("the known comment edits take the new checksums, and validation passes")
    void editsAreRecognised() {
        flyway(true).validate();

        for (var edit : ShippedMigrationEdits.EDITS) {
            assertThat(db.sql("SELECT checksum FROM " + schema + ".flyway_schema_history WHERE version = ?")
                    .param(edit.version()).query(Integer.class).single()).isEqualTo(edit.after());
        }
    }

    @Test
    @DisplayName("any other checksum mismatch still fails validation")
    void otherMismatchesStillFail() {
        db.sql("UPDATE " + schema + ".flyway_schema_history SET checksum = checksum + 1 WHERE version = '7'").update();

        assertThatThrownBy(() -> flyway(true).validate()).isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("7");
    }
}
