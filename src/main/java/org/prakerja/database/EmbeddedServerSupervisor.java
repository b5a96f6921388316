package org.prakerja.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the embedded PostgreSQL every second and starts it again when it is gone, so the
 * service heals without a restart of its own: requests fail fast with 503 while it is down, and
 * the pool's next connection reaches the restarted server.
 */
final class EmbeddedServerSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerSupervisor.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "embedded-postgres-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    EmbeddedServerSupervisor(EmbeddedServer server, Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (server.restartIfDead()) {
                    log.info("embedded PostgreSQL is running again port={}", server.port());
                }
            } catch (Exception e) {
                // the next round tries again: the port may still be held, or the disk full
                log.error("embedded PostgreSQL could not be started again; retrying error={}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
