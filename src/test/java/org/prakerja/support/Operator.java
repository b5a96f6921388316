package org.prakerja.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** An operator driving waves and jobs over the operator API. */
public final class Operator {

    private static final AtomicInteger WAVES = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000, 90_000));

    private final Api api;
    private final String token;

    public Operator(Api api) {
        this.api = api;
        this.token = api.login("admin@prakerja.test", "admin-sandbox-1");
    }

    public String token() {
        return token;
    }

    public Instant now() {
        return OffsetDateTime.parse(api.get("/sandbox/clock").body().get("now").asString()).toInstant();
    }

    /** A new OPEN wave whose window is around the test clock's now, under the default scheme. */
    public int openWave(int quota) {
        return openWave(quota, null);
    }

    /**
     * A wave number no other test takes: the suite's tests share one database, and "highest plus
     * one" would be the number this counter hands out next.
     */
    public static int freshWaveNumber() {
        return WAVES.incrementAndGet();
    }

    /** A new OPEN wave under {@code scheme} (R-25; null: the default). */
    public int openWave(int quota, String scheme) {
        int number = WAVES.incrementAndGet();
        var now = now();
        var body = new java.util.HashMap<String, Object>(Map.of(
                "number", number, "quota", quota,
                "joinOpensAt", at(now.minus(Duration.ofHours(1))),
                "joinClosesAt", at(now.plus(Duration.ofDays(7))),
                "announcementAt", at(now.plus(Duration.ofDays(8)))));
        if (scheme != null) {
            body.put("scheme", scheme);
        }
        var created = api.post("/api/v1/ops/waves", body, token);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(api.post("/api/v1/ops/waves/" + number + "/transitions", Map.of("to", "OPEN"), token).status())
                .isEqualTo(200);
        return number;
    }

    public void close(int wave) {
        var r = api.post("/api/v1/ops/waves/" + wave + "/transitions", Map.of("to", "CLOSED"), token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    public JsonNode select(int wave) {
        return awaitJob(api.post("/api/v1/ops/waves/" + wave + "/selection", "", token));
    }

    public JsonNode announce(int wave) {
        return awaitJob(api.post("/api/v1/ops/waves/" + wave + "/announcement", "", token));
    }

    public JsonNode runJob(String kind) {
        return awaitJob(api.post("/api/v1/ops/jobs/" + kind, "", token));
    }

    public JsonNode reconciliation() {
        return api.get("/api/v1/ops/ledger/reconciliation", token).body();
    }

    private JsonNode awaitJob(Api.Response started) {
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String id = started.body().get("jobId").asString();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            var job = api.get("/api/v1/ops/jobs/" + id, token).body();
            if (!job.get("state").asString().equals("RUNNING")) {
                assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
                assertThat(job.get("done").asLong()).isEqualTo(job.get("total").asLong());
                assertThat(job.get("jobId").asString()).isEqualTo(id);
                assertThat(job.get("finishedAt").isNull()).isFalse();
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job did not finish: " + id);
    }

    private static String at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(7)).toString();
    }
}
