package org.prakerja.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Hardening 5: kill -9 of the embedded PostgreSQL's postmaster under a running service. Its own
 * database (the shared test database must not die under the other tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.datasource.url=")
@ActiveProfiles({"sandbox", "test"})
class DatabaseOutageTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedServer server;

    private static Api.Response within(Duration limit, java.util.function.Supplier<Api.Response> call,
            Predicate<Api.Response> until) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Api.Response last;
        do {
            last = call.get();
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return last;
    }

    @Test
    @DisplayName("Hardening 5: when the database dies, health turns DOWN and requests fail fast with 503; the server is restarted and the service heals by itself")
    void databaseDiesAndComesBack() throws Exception {
        var api = new Api(port);
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        int waves = api.get("/api/v1/waves").body().get("total").asInt();

        long postmaster = server.postmasterPid().orElseThrow();
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());

        // while it is down (the supervisor may already be starting it again), nothing hangs for long
        long started = System.nanoTime();
        var during = api.get("/api/v1/waves");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMillis).as("a request while the database is down").isLessThan(8_000);
        if (during.status() != 200) {
            assertThat(during.status()).as(during.raw()).isEqualTo(503);
            assertThat(during.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(during.raw()).doesNotContain("Exception", "at org.");
        }

        var healed = within(Duration.ofSeconds(60), () -> api.get("/actuator/health"), r -> r.status() == 200);
        assertThat(healed.status()).as("health after the supervisor restarted PostgreSQL").isEqualTo(200);
        assertThat(server.postmasterPid().orElseThrow()).isNotEqualTo(postmaster);
        var after = within(Duration.ofSeconds(20), () -> api.get("/api/v1/waves"), r -> r.status() == 200);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body().get("total").asInt()).as("nothing committed was lost").isEqualTo(waves);
    }

    @Test
    @DisplayName("Hardening 5: while the database stays down, health answers 503 DOWN within seconds and requests 503 problems")
    void healthDownWhileDatabaseIsDown() throws Exception {
        var api = new Api(port);
        var supervisor = new java.util.concurrent.atomic.AtomicBoolean();
        // hold the server down: stop it and keep the supervisor from restarting it for a while
        synchronized (server) {
            long postmaster = server.postmasterPid().orElseThrow();
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
            ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());
            long started = System.nanoTime();
            var health = within(Duration.ofSeconds(10), () -> api.get("/actuator/health"), r -> r.status() == 503);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().get("status").asString()).isEqualTo("DOWN");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            started = System.nanoTime();
            var request = api.get("/api/v1/waves");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
            assertThat(request.status()).as(request.raw()).isEqualTo(503);
            assertThat(request.code()).isEqualTo("SERVICE_UNAVAILABLE");
            // a login: the per-address throttle counts in the database too, and answers the same
            started = System.nanoTime();
            var login = api.post("/api/v1/sessions", java.util.Map.of("email", "admin@prakerja.test", "password", "admin-sandbox-1"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
            assertThat(login.status()).as(login.raw()).isEqualTo(503);
            assertThat(login.code()).isEqualTo("SERVICE_UNAVAILABLE");
            supervisor.set(true);
        }
        assertThat(supervisor).isTrue();
        var healed = within(Duration.ofSeconds(60), () -> api.get("/actuator/health"), r -> r.status() == 200);
        assertThat(healed.status()).isEqualTo(200);
    }
}
