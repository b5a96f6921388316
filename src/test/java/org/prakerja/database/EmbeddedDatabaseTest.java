package org.prakerja.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The zero-setup database: data survives a restart, a killed run's pid file or orphaned server
 * does not block one, and it answers only to the service that owns its data folder.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    static EmbeddedServer server(Path data, int port, boolean statementStats) {
        return new EmbeddedServer(data, port, EmbeddedDatabaseConfig.serverConfig("off", statementStats),
                Duration.ofSeconds(20));
    }

    static DataSource pool(EmbeddedServer server) throws Exception {
        return new EmbeddedDatabaseConfig().dataSource(server, 2, 3000);
    }

    @Test
    @DisplayName("the embedded PostgreSQL keeps its data in its folder across restarts, even after a kill left postmaster.pid")
    void keepsDataAcrossRestarts() throws Exception {
        Path data = dir.resolve("postgres");
        try (var first = server(data, 0, true).start()) {
            DataSource ds = pool(first);
            // statement-stats on (benchmarks): PostgreSQL loads pg_stat_statements at start
            assertThat(JdbcClient.create(ds).sql("SHOW shared_preload_libraries").query(String.class).single())
                    .isEqualTo("pg_stat_statements");
            JdbcClient.create(ds).sql("CREATE TABLE kept (v text)").update();
            JdbcClient.create(ds).sql("INSERT INTO kept VALUES ('masih ada')").update();
            ((AutoCloseable) ds).close();
        }
        // as if the previous run had been killed: a pid file naming a process that is not postgres
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");
        try (var second = server(data, 0, false).start()) {
            DataSource ds = pool(second);
            assertThat(JdbcClient.create(ds).sql("SHOW shared_preload_libraries").query(String.class).single()).isEmpty();
            assertThat(JdbcClient.create(ds).sql("SELECT v FROM kept").query(String.class).single()).isEqualTo("masih ada");
            ((AutoCloseable) ds).close();
        }
    }

    @Test
    @DisplayName("a postmaster.pid is stale unless a postgres process owns it")
    void stalePidFile() throws Exception {
        Path pid = dir.resolve("postmaster.pid");
        Files.writeString(pid, "999999999\n/data\n");
        StalePostmasterPid.removeIfStale(dir);
        assertThat(pid).doesNotExist();
        Files.writeString(pid, "not-a-pid\n");
        StalePostmasterPid.removeIfStale(dir);
        assertThat(pid).doesNotExist();
        StalePostmasterPid.removeIfStale(dir);
        assertThat(pid).doesNotExist();
    }

    @Test
    @DisplayName("Hardening 6: the embedded server asks for a random password kept in its data folder for its owner only")
    void passwordRequired() throws Exception {
        Path data = dir.resolve("postgres");
        try (var server = server(data, 0, false).start()) {
            Path file = data.resolve(EmbeddedServer.PASSWORD_FILE);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(file).trim()).hasSizeGreaterThanOrEqualTo(32);
            String url = server.jdbcUrl("postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong")).isInstanceOf(SQLException.class);
            try (var c = DriverManager.getConnection(url, "postgres", Files.readString(file).trim())) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
        // and still after a restart, which reads the password back
        try (var again = server(data, 0, false).start()) {
            DataSource ds = pool(again);
            assertThat(JdbcClient.create(ds).sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
            ((AutoCloseable) ds).close();
        }
    }

    @Test
    @DisplayName("Hardening 6: another PostgreSQL that takes the embedded server's port is never used as the database")
    void anotherClusterOnThePortIsRefused() throws Exception {
        var ours = server(dir.resolve("ours"), 0, false).start();
        int port = ours.port();
        // the pool as the service builds it for its own server
        var pool = (com.zaxxer.hikari.HikariDataSource) new EmbeddedDatabaseConfig().dataSource(ours, 2, 2000);
        assertThat(JdbcClient.create(pool).sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
        ours.close();
        pool.getHikariPoolMXBean().softEvictConnections();
        // a stranger, open to anyone (trust), now answers on that port, with a database of the same name
        try (var stranger = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("stranger").toFile())
                .setCleanDataDirectory(true).setPort(port).setServerConfig("fsync", "off").start()) {
            try (var c = stranger.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("CREATE DATABASE prakerja");
            }
            // every try fails; once the pool reaches the stranger (after its back-off), it says why
            boolean toldWhy = false;
            for (long until = System.nanoTime() + Duration.ofSeconds(30).toNanos(); !toldWhy && System.nanoTime() < until; ) {
                var failure = org.assertj.core.api.Assertions.catchThrowable(
                        () -> JdbcClient.create(pool).sql("SELECT 1").query(Integer.class).single());
                assertThat(failure).as("a query on the stranger").isNotNull();
                toldWhy = org.assertj.core.util.Throwables.getStackTrace(failure)
                        .contains("not the embedded PostgreSQL of this service");
            }
            assertThat(toldWhy).isTrue();
            // nor does a service start on it
            assertThatThrownBy(() -> new EmbeddedDatabaseConfig().dataSource(ours, 1, 2000))
                    .hasStackTraceContaining("not the embedded PostgreSQL of this service");
        } finally {
            pool.close();
        }
    }

    @Test
    @DisplayName("Hardening 4: after kill -9 of the service, its orphaned PostgreSQL is stopped by the next start, which keeps the data")
    void orphanOfAKilledRunIsStopped() throws Exception {
        Path data = dir.resolve("postgres");
        String java = ProcessHandle.current().info().command().orElse("java");
        var child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(),
                data.toString()).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals(OrphanMaker.READY));
            assertThat(line).as("the child service started its database").isEqualTo(OrphanMaker.READY);
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        long orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the server outlived its JVM").contains(true);

        long started = System.nanoTime();
        try (var next = server(data, 0, false).start()) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            DataSource ds = pool(next);
            assertThat(JdbcClient.create(ds).sql("SELECT v FROM kept").query(String.class).list())
                    .isEqualTo(List.of("written before the kill"));
            ((AutoCloseable) ds).close();
        }
    }
}
