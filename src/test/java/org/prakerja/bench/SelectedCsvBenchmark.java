package org.prakerja.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.prakerja.job.JobProgress;
import org.prakerja.wave.Selection;
import org.prakerja.wave.WaveStatus;
import org.prakerja.wave.Waves;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): the console's selected list of a wave with 200,000 selected applicants,
 * {@code GET /ops/waves/{n}/selected.csv}, downloaded over HTTP by a logged-in operator from the
 * real service in this JVM. Reports the time to the last byte and the service's heap growth: the
 * peak heap in use while it streams (sampled every 2 ms) and the live heap at a quarter, half and
 * three quarters of the download (after a full GC there), each against the live heap before.
 * Run by bench/selected-csv.sh.
 */
public final class SelectedCsvBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int applicants = Integer.getInteger("applicants", 220_000);
        int quota = Integer.getInteger("quota", 200_000);
        var context = BenchServer.start(System.getProperty("dataDir", "target/bench-csv-pg"),
                Map.of("prakerja.jobs.schedule.enabled", "false"));
        try {
            int port = BenchServer.port(context);
            var db = context.getBean(JdbcClient.class);
            var waves = context.getBean(Waves.class);
            int wave = waves.nextNumber();
            var now = Instant.now();
            waves.create(wave, quota, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
            waves.transition(wave, WaveStatus.OPEN);
            SelectionBenchmark.generate(db, wave, applicants);
            waves.transition(wave, WaveStatus.CLOSED);
            db.sql("ANALYZE").update();
            context.getBean(Selection.class).run(wave, JobProgress.NONE);
            long selected = context.getBean(Selection.class).report(wave).orElseThrow().selected();
            System.out.printf("wave %d: %,d applicants, %,d selected%n", wave, applicants, selected);

            var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            logIn(http, port);
            String url = "http://localhost:" + port + "/ops/waves/" + wave + "/selected.csv";
            // the first download warms the code paths; the next ones are measured
            download(http, url, selected, false);
            for (int run = 1; run <= 3; run++) {
                var timed = download(http, url, selected, false);
                System.out.printf("RUN %d time=%.2f s rows=%,d bytes=%,d peakHeapGrowth=%.1f MiB%n", run, timed.seconds,
                        timed.rows, timed.bytes, timed.peakGrowth / 1048576.0);
            }
            var probed = download(http, url, selected, true);
            System.out.printf("PROBED time=%.2f s rows=%,d liveHeapBefore=%.1f MiB liveGrowthAt25/50/75%%=%s MiB%n",
                    probed.seconds, probed.rows, probed.liveBefore / 1048576.0,
                    probed.liveGrowth.stream().map(g -> "%.1f".formatted(g / 1048576.0)).toList());
        } finally {
            context.close();
        }
    }

    record Result(double seconds, long rows, long bytes, long peakGrowth, long liveBefore, List<Long> liveGrowth) {
    }

    private static Result download(HttpClient http, String url, long expected, boolean probe) throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        var peak = new AtomicLong(before);
        var sampling = new AtomicBoolean(true);
        var sampler = Thread.ofPlatform().daemon().start(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        var live = new ArrayList<Long>();
        long t0 = System.nanoTime();
        var response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
        }
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        long nextProbe = expected / 4;
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                if (probe && lines >= nextProbe && live.size() < 3) {
                    System.gc();
                    live.add(memory.getHeapMemoryUsage().getUsed() - before);
                    nextProbe += expected / 4;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampling.set(false);
        sampler.join();
        long rows = lines - 1;
        if (rows != expected) {
            throw new IllegalStateException("rows " + rows + " != selected " + expected);
        }
        return new Result(seconds, rows, bytes, peak.get() - before, before, live);
    }

    private static void logIn(HttpClient http, int port) throws IOException, InterruptedException {
        String base = "http://localhost:" + port;
        var page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        var token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "email=" + URLEncoder.encode("operator@prakerja.test", StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode("operator-sandbox-1", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login refused: " + login.statusCode() + " " + login.headers().map());
        }
    }

    private SelectedCsvBenchmark() {
    }
}
