package org.prakerja.bench;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.support.ParticipantBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test), issue 10 item 8: the logged-in dashboard page rendered for 32 concurrent
 * sessions, against {@code GET /api/v1/me} for the same participants in the same run. Each
 * participant is selected and holds a card, so both answers carry the whole status. Target: the
 * page's rate at least half the JSON's, p99 under 100 ms. Run by bench/dashboard.sh.
 */
public final class DashboardBenchmark {

    /** With -Dpgss: PostgreSQL's own account of each measured run, per statement and per request. */
    private static final boolean STATEMENTS = System.getProperty("pgss") != null;
    private static JdbcClient db;

    record Person(String token, String sessionCookie) {
    }

    public static void main(String[] args) throws Exception {
        int sessions = Integer.getInteger("sessions", 32);
        int seconds = Integer.getInteger("seconds", 30);
        var context = BenchServer.start(System.getProperty("dataDir", "target/bench-dash-pg"),
                Map.of("prakerja.jobs.schedule.enabled", "false",
                        "prakerja.db.embedded.statement-stats", String.valueOf(STATEMENTS)));
        try {
            int port = BenchServer.port(context);
            var api = new Api(port);
            var journey = new Journey(api, context.getBean(OutboxRelay.class));
            var ops = new Operator(api);
            int wave = ops.openWave(sessions);
            var people = new ArrayList<Person>();
            var registered = new ArrayList<Journey.Registered>();
            for (int i = 0; i < sessions; i++) {
                var who = journey.readyToApply(ParticipantBuilder.aParticipant());
                var joined = api.post("/api/v1/waves/" + wave + "/applications", "", who.token());
                if (joined.status() != 201) {
                    throw new IllegalStateException(joined.raw());
                }
                registered.add(who);
            }
            ops.close(wave);
            ops.select(wave);
            ops.announce(wave);
            for (var who : registered) {
                people.add(new Person(who.token(), api.webLogin(who.who().email(), who.who().password())));
            }
            db = context.getBean(JdbcClient.class);
            if (STATEMENTS) {
                db.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
            }
            var http = new KeepAliveHttp("localhost", port);
            var next = new AtomicInteger();
            // each thread is one person: its own session and token
            ThreadLocal<Person> me = ThreadLocal.withInitial(() -> people.get(next.getAndIncrement() % people.size()));
            Request json = p -> http.send("GET", "/api/v1/me", Map.of("Authorization", "Bearer " + p.token(),
                    "Accept", "application/json", "Accept-Encoding", "gzip"), new byte[0]).status();
            Request page = p -> http.send("GET", "/dashboard", Map.of("Cookie", "PRAKERJA_SESSION=" + p.sessionCookie(),
                    "Accept", "text/html", "Accept-Encoding", "gzip"), new byte[0]).status();

            if ("page".equals(System.getProperty("only"))) {
                // to profile the page alone (-Donly=page with a flight recording); the JIT needs a minute or more on two cores
                run("warm-up page", sessions, Integer.getInteger("warmup", 60), page, me);
                run("page /dashboard", sessions, seconds, page, me);
                return;
            }
            // both paths share most of the framework's code, and the JIT compiles on the same two cores
            // for two minutes or more: each is warmed three times, in turns, and measured twice, in
            // turns; the best of each counts
            for (int i = 0; i < Integer.getInteger("warmups", 3); i++) {
                run("warm-up JSON", sessions, 15, json, me);
                run("warm-up page", sessions, 15, page, me);
            }
            double jsonRate = 0;
            double pageRate = 0;
            for (int i = 0; i < 2; i++) {
                jsonRate = Math.max(jsonRate, run("JSON /api/v1/me", sessions, seconds, json, me));
                pageRate = Math.max(pageRate, run("page /dashboard", sessions, seconds, page, me));
            }
            System.out.printf("RATIO page/JSON = %.3f (target >= 0.5; the better run of each)%n", pageRate / jsonRate);
        } finally {
            context.close();
        }
    }

    interface Request {
        int send(Person person) throws Exception;
    }

    private static double run(String name, int threads, int seconds, Request request, ThreadLocal<Person> me)
            throws InterruptedException {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var failures = new AtomicLong();
        var done = new AtomicLong();
        if (STATEMENTS) {
            db.sql("SELECT pg_stat_statements_reset()").query(Object.class).list();
        }
        var cpuBefore = CpuUse.now();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        var perThread = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    var person = me.get();
                    long mine = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            if (request.send(person) != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - t0);
                        done.incrementAndGet();
                        mine++;
                    }
                    perThread.add(mine);
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        var cpu = CpuUse.now().since(cpuBefore);
        double rate = done.get() / elapsed;
        System.out.printf("%s sessions=%d rate=%.1f/s failures=%d latency %s%n  %s%n", name, threads, rate,
                failures.get(), BenchServer.percentiles(latencies.stream().mapToLong(Long::longValue).toArray()),
                cpu.per("request", done.get(), elapsed));
        var lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        var counts = perThread.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("  spread p10=%.1f p25=%.1f p75=%.1f p90=%.1f p95=%.1f ms; requests per session min=%d median=%d max=%d%n",
                lat[lat.length / 10] / 1e6, lat[lat.length / 4] / 1e6, lat[lat.length * 3 / 4] / 1e6, lat[lat.length * 9 / 10] / 1e6,
                lat[lat.length * 95 / 100] / 1e6, counts[0], counts[counts.length / 2], counts[counts.length - 1]);
        if (STATEMENTS) {
            printStatements(done.get());
        }
        return rate;
    }

    private static void printStatements(long requests) {
        System.out.println("  statements (calls per request, exec+plan µs per request, rows per call, WAL bytes per request):");
        db.sql("""
                SELECT calls::float8 / :n AS per, (total_exec_time + total_plan_time) * 1000 / :n AS us,
                       rows::float8 / greatest(calls, 1) AS r, wal_bytes::float8 / :n AS wal,
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS q
                FROM pg_stat_statements WHERE calls >= :n / 10 ORDER BY us DESC
                """).param("n", Math.max(1, requests)).query((rs, i) -> "%6.2f %8.1f %6.1f %8.0f  %s".formatted(
                rs.getDouble("per"), rs.getDouble("us"), rs.getDouble("r"), rs.getDouble("wal"),
                rs.getString("q"))).list().forEach(line -> System.out.println("    " + line));
    }

    private DashboardBenchmark() {
    }
}
