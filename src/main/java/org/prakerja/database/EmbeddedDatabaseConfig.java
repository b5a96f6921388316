package org.prakerja.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup database: with no {@code spring.datasource.url} (set from {@code PRAKERJA_DB_URL}),
 * the service starts its own PostgreSQL from the binaries on the classpath and keeps its data in
 * a local folder, so a restart keeps what was there. A supervisor starts it again when it dies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfig {

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(
            @Value("${prakerja.db.embedded.data-dir:data/postgres}") Path dataDir,
            @Value("${prakerja.db.embedded.port:0}") int port,
            @Value("${prakerja.db.embedded.fsync:on}") String fsync,
            @Value("${prakerja.db.embedded.statement-stats:false}") boolean statementStats) throws IOException {
        return new EmbeddedServer(dataDir, port, serverConfig(fsync, statementStats), Duration.ofSeconds(20)).start();
    }

    static Map<String, String> serverConfig(String fsync, boolean statementStats) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("max_connections", "300");
        config.put("shared_buffers", "256MB");
        // batch work (selection, announcement) writes a lot of WAL: fewer forced checkpoints
        config.put("max_wal_size", "4GB");
        config.put("fsync", fsync);
        // zonky defaults to synchronous_commit=off; money and the outbox need durable commits
        config.put("synchronous_commit", fsync.equals("off") ? "off" : "on");
        config.put("password_encryption", "scram-sha-256");
        if (statementStats) {
            // for benchmarks: PostgreSQL's own per-statement account (bench/purchases.sh with -Dpgss)
            config.put("shared_preload_libraries", "pg_stat_statements");
            config.put("pg_stat_statements.track_planning", "on");
        }
        return config;
    }

    @Bean(destroyMethod = "close")
    EmbeddedServerSupervisor embeddedServerSupervisor(EmbeddedServer server,
            @Value("${prakerja.db.embedded.supervise-every:PT1S}") Duration every) {
        return new EmbeddedServerSupervisor(server, every);
    }

    @Bean
    DataSource dataSource(EmbeddedServer server, @Value("${prakerja.db.pool-size:40}") int poolSize,
            @Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeoutMillis)
            throws SQLException, IOException {
        createDatabaseIfMissing(server);
        var config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl("prakerja"));
        config.setUsername("postgres");
        config.setPassword(server.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("prakerja");
        config.setConnectionTimeout(connectionTimeoutMillis);
        // every new connection proves it reached this service's own cluster, not a server that took its port
        config.setConnectionInitSql("""
                DO $$BEGIN
                  IF (SELECT system_identifier FROM pg_control_system()) <> %d THEN
                    RAISE EXCEPTION 'this is not the embedded PostgreSQL of this service';
                  END IF;
                END$$""".formatted(server.systemIdentifier()));
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(EmbeddedServer server) throws SQLException {
        try (var c = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", server.password());
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
