package org.prakerja.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The zero-setup database: data survives a restart, and a killed run's pid file does not block one. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the embedded PostgreSQL keeps its data in its folder across restarts, even after a kill left postmaster.pid")
    void keepsDataAcrossRestarts() throws Exception {
        var config = new EmbeddedDatabaseConfig();
        Path data = dir.resolve("postgres");
        try (var first = config.embeddedPostgres(data, 0, "off", true)) {
            DataSource ds = config.dataSource(first, 2);
            // statement-stats on (benchmarks): PostgreSQL loads pg_stat_statements at start
            assertThat(JdbcClient.create(ds).sql("SHOW shared_preload_libraries").query(String.class).single())
                    .isEqualTo("pg_stat_statements");
            JdbcClient.create(ds).sql("CREATE TABLE kept (v text)").update();
            JdbcClient.create(ds).sql("INSERT INTO kept VALUES ('masih ada')").update();
            ((AutoCloseable) ds).close();
        }
        // as if the previous run had been killed: a pid file naming a process that is not postgres
        Files.writeString(data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n");
        try (var second = config.embeddedPostgres(data, 0, "off", false)) {
            DataSource ds = config.dataSource(second, 2);
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
}
