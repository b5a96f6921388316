package org.prakerja.common.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup database: with no {@code spring.datasource.url} (set from {@code PRAKERJA_DB_URL}),
 * the service starts its own PostgreSQL from the binaries on the classpath and keeps its data in
 * a local folder, so a restart keeps what was there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${prakerja.db.embedded.data-dir:data/postgres}") Path dataDir,
            @Value("${prakerja.db.embedded.port:0}") int port,
            @Value("${prakerja.db.embedded.fsync:on}") String fsync,
            @Value("${prakerja.db.embedded.statement-stats:false}") boolean statementStats) throws IOException {
        Files.createDirectories(dataDir);
        StalePostmasterPid.removeIfStale(dataDir);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false)
                // stopped by the context (destroyMethod), after the beans that still use it while
                // shutting down (the event registry reads its outstanding publications); a JVM hook
                // of its own would stop it under them
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                // batch work (selection, announcement) writes a lot of WAL: fewer forced checkpoints
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("fsync", fsync)
                // zonky defaults to synchronous_commit=off; money and the outbox need durable commits
                .setServerConfig("synchronous_commit", fsync.equals("off") ? "off" : "on");
        if (statementStats) {
            // for benchmarks: PostgreSQL's own per-statement account (bench/purchases.sh with -Dpgss)
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_planning", "on");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        var postgres = builder.start();
        log.info("embedded PostgreSQL started port={} dataDir={}", postgres.getPort(), dataDir.toAbsolutePath());
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres,
            @Value("${prakerja.db.pool-size:40}") int poolSize) throws SQLException {
        createDatabaseIfMissing(postgres);
        var config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "prakerja"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("prakerja");
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var check = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = 'prakerja'");
                var rows = check.executeQuery()) {
            if (!rows.next()) {
                try (var create = c.createStatement()) {
                    create.execute("CREATE DATABASE prakerja ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        }
    }
}
