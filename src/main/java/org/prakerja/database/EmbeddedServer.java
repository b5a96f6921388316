package org.prakerja.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.prakerja.common.UnsafeConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own PostgreSQL, kept alive: it stops a server that a killed run of the service left
 * behind on the same data folder, restarts the server when it dies (on the same port, so the pool's
 * URL stays right), requires a password that only this data folder's owner can read, and tells
 * its own cluster from any other server that might answer on its port (by the system identifier
 * in {@code global/pg_control}).
 */
public final class EmbeddedServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    static final String PASSWORD_FILE = "prakerja-password";

    private final Path dataDir;
    private final Map<String, String> serverConfig;
    private final Duration orphanShutdownWait;
    private volatile EmbeddedPostgres postgres;
    /** Held while this JVM runs: a server on this folder is an orphan only if no live service holds it. */
    private FileLock ownerLock;
    private volatile int port;
    private volatile String password;

    EmbeddedServer(Path dataDir, int port, Map<String, String> serverConfig, Duration orphanShutdownWait) {
        this.dataDir = dataDir;
        this.port = port;
        this.serverConfig = serverConfig;
        this.orphanShutdownWait = orphanShutdownWait;
    }

    /** Starts the server; a server already running on this data folder (a killed run's orphan) is stopped first. */
    synchronized EmbeddedServer start() throws IOException {
        Files.createDirectories(dataDir);
        takeOwnership();
        stopOrphan();
        StalePostmasterPid.removeIfStale(dataDir);
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        boolean secured = Files.exists(passwordFile);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false)
                // Spring closes it after the beans that still need it (the event registry on shutdown)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // once secured, every connection, zonky's own readiness check included, needs the password
                .setDataDirectoryCustomizer(dir -> {
                    if (secured) {
                        writePasswordOnlyHba();
                    }
                });
        serverConfig.forEach(builder::setServerConfig);
        if (secured) {
            password = Files.readString(passwordFile).trim();
            builder.setConnectConfig("password", password);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        postgres = builder.start();
        port = postgres.getPort();
        if (!secured) {
            secureFreshCluster(passwordFile);
        }
        log.info("embedded PostgreSQL started port={} dataDir={} systemIdentifier={}", port, dataDir.toAbsolutePath(),
                systemIdentifier());
        return this;
    }

    /**
     * The first start of a new cluster (initdb leaves it open to any local connection): a random
     * password for the superuser, kept in the data folder for its owner alone, and password
     * authentication for every connection from then on.
     */
    private void secureFreshCluster(Path passwordFile) throws IOException {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        // the file first, complete and readable by its owner only, then the password it holds
        Path written = Files.createTempFile(dataDir, PASSWORD_FILE, ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, fresh, StandardOpenOption.SYNC);
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER USER postgres PASSWORD '" + fresh + "'");
            Files.move(written, passwordFile, StandardCopyOption.ATOMIC_MOVE);
            password = fresh;
            writePasswordOnlyHba();
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not secure the embedded PostgreSQL", e);
        }
    }

    private void writePasswordOnlyHba() {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), """
                    # written by the service: every connection needs the password in prakerja-password
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server's postmaster is running (its pid may since belong to another program). */
    boolean alive() {
        return postmasterPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(StalePostmasterPid::isPostgres).filter(this::servesThisFolder).isPresent();
    }

    /** A postmaster works in its data folder: its working directory tells whose it is. */
    private boolean servesThisFolder(ProcessHandle process) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd"))
                    .equals(dataDir.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Starts the server again if it died; true when it had to. */
    synchronized boolean restartIfDead() throws IOException {
        if (postgres == null || alive()) {
            return false;
        }
        log.warn("embedded PostgreSQL is not running; starting it again port={}", port);
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // pg_ctl stop on a dead server fails; nothing is left to stop
        }
        start();
        return true;
    }

    public int port() {
        return port;
    }

    String password() {
        return password;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Connections to this, not to another cluster that took the port. */
    long systemIdentifier() throws IOException {
        byte[] control = Files.readAllBytes(dataDir.resolve("global/pg_control"));
        // pg_control starts with the cluster's 64-bit system identifier, in the machine's byte order
        return ByteBuffer.wrap(control, 0, 8).order(ByteOrder.nativeOrder()).getLong();
    }

    Optional<Long> postmasterPid() {
        try {
            var lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() || !lines.getFirst().trim().matches("\\d+") ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * One service per data folder: a second one started on it (or a rolling restart that overlaps)
     * must not take the first one's server away from it. The lock goes with the JVM, -9 included.
     */
    private void takeOwnership() throws IOException {
        if (ownerLock != null) {
            return;
        }
        var channel = FileChannel.open(dataDir.getParent() == null ? Path.of(dataDir + ".lock")
                : dataDir.resolveSibling(dataDir.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        ownerLock = channel.tryLock();
        if (ownerLock == null) {
            channel.close();
            throw new UnsafeConfiguration("Another running service uses the embedded PostgreSQL in " + dataDir.toAbsolutePath()
                    + ".", "Stop that service first, or give this one its own prakerja.db.embedded.data-dir.");
        }
    }

    /**
     * A run of the service killed with -9 leaves its server running, holding the data folder: stop
     * it (a fast shutdown; a kill if it does not go), so this run can start its own.
     */
    private void stopOrphan() {
        if (postgres != null) {
            return;
        }
        var orphan = postmasterPid().flatMap(ProcessHandle::of).filter(StalePostmasterPid::isPostgres)
                .filter(this::servesThisFolder);
        if (orphan.isEmpty()) {
            return;
        }
        var process = orphan.get();
        log.warn("stopping the PostgreSQL a previous run left on this data folder pid={} dataDir={}", process.pid(),
                dataDir.toAbsolutePath());
        process.destroy();
        try {
            process.onExit().get(orphanShutdownWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("the orphaned PostgreSQL did not stop in {}; killing it pid={}", orphanShutdownWait, process.pid());
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            if (ownerLock != null) {
                ownerLock.channel().close();
                ownerLock = null;
            }
        }
    }
}
