package org.prakerja.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A migrated PostgreSQL for tests that run outside the Spring context (jqwik properties): the
 * server named by PRAKERJA_TEST_DB_URL, or an embedded one started once per test JVM.
 */
public final class TestDatabase {

    private static DataSource dataSource;

    private TestDatabase() {
    }

    public static synchronized DataSource get() {
        if (dataSource == null) {
            dataSource = start();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        return dataSource;
    }

    private static DataSource start() {
        String url = System.getenv("PRAKERJA_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new DriverManagerDataSource(url, System.getenv("PRAKERJA_TEST_DB_USER"),
                    System.getenv("PRAKERJA_TEST_DB_PASSWORD"));
        }
        try {
            Path dir = Files.createTempDirectory(Path.of("target"), "property-pg");
            var postgres = EmbeddedPostgres.builder().setDataDirectory(dir.toFile()).setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return postgres.getPostgresDatabase();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
