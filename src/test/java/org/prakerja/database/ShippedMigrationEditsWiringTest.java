package org.prakerja.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ShippedMigrationEditsWiringTest {

    @Autowired
    Flyway flyway;

    @Test
    @DisplayName("the service's own Flyway applies the known edits before it validates")
    void flywayRunsTheEdits() {
        assertThat(flyway.getConfiguration().getCallbacks()).hasAtLeastOneElementOfType(ShippedMigrationEdits.class);
    }
}
