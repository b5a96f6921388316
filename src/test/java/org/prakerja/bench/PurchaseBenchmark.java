package org.prakerja.bench;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.prakerja.card.Cards;
import org.prakerja.database.EmbeddedServer;
import org.prakerja.partner.PartnerClients;
import org.prakerja.partner.Signatures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark (not a test): signed purchases end to end over HTTP (OTP request, then purchase)
 * against the running service, many cards, then pgbench's TPC-B-like load on the same
 * PostgreSQL. Run by bench/purchases.sh.
 */
public final class PurchaseBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern OTP = Pattern.compile("kode OTP (\\d{6})");

    public static void main(String[] args) throws Exception {
        int cards = Integer.getInteger("cards", 20_000);
        int concurrency = Integer.getInteger("concurrency", 32);
        int seconds = Integer.getInteger("seconds", 30);
        // on 2 cores the JIT still compiles Spring's request path after 90 s: measure after 240
        int warmup = Integer.getInteger("warmup", 240);
        var context = BenchServer.start(System.getProperty("dataDir", "target/bench-buy-pg"),
                Map.of("prakerja.jobs.schedule.enabled", "false", "prakerja.partner.otp-per-card", "10",
                        "prakerja.db.embedded.statement-stats", String.valueOf(System.getProperty("pgss") != null)));
        try {
            var db = context.getBean(JdbcClient.class);
            List<Holder> holders = issueCards(context, db, cards);
            var platform = context.getBean(PartnerClients.class).all().stream()
                    .filter(p -> p.partnerId().equals("tokopedia")).findFirst().orElseThrow();
            int port = BenchServer.port(context);
            var client = new Client(port, platform.partnerId(), platform.secret());
            String trainingId = cheapestTraining(client);
            // the benchmark's own reading aid (the service never looks messages up by recipient):
            // without it every code lookup would scan the whole outbox
            db.sql("CREATE INDEX bench_outbox_recipient ON outbox (recipient, id)").update();

            var next = new AtomicInteger();
            var otpLatency = new ConcurrentLinkedQueue<Long>();
            var buyLatency = new ConcurrentLinkedQueue<Long>();
            var failures = new ConcurrentLinkedQueue<String>();
            Runnable purchase = () -> {
                Holder holder = holders.get(next.getAndIncrement() % holders.size());
                String card = holder.cardNumber();
                long t0 = System.nanoTime();
                var otp = client.post("/partner/v1/otp", Map.of("cardNumber", card, "trainingId", trainingId));
                long t1 = System.nanoTime();
                if (otp.status != 201) {
                    failures.add("otp " + otp.status + " " + otp.body);
                    return;
                }
                String otpId = otp.json.get("otpId").asString();
                // the holder's phone receives the code: read it where the SMS to the holder waits to be sent
                // among the newest rows only (a backward scan of the primary key): the planner, left to
                // choose, sometimes scanned the whole outbox for one participant's newest SMS
                String phoneCode = db.sql("""
                        SELECT body FROM (SELECT body, participant_id, channel, id FROM outbox ORDER BY id DESC LIMIT 1000) recent
                        WHERE participant_id = ? AND channel = 'SMS' ORDER BY id DESC LIMIT 1
                        """).param(holder.participantId()).query(String.class).single();
                var m = OTP.matcher(phoneCode);
                m.find();
                long t2 = System.nanoTime();
                var bought = client.post("/partner/v1/purchases", Map.of("cardNumber", card, "otpId", otpId,
                        "otp", m.group(1), "trainingId", trainingId));
                long t3 = System.nanoTime();
                if (bought.status != 201) {
                    failures.add("purchase " + bought.status + " " + bought.body);
                    return;
                }
                otpLatency.add(t1 - t0);
                buyLatency.add(t3 - t2);
            };
            System.out.println("WARMING UP for " + warmup + " s");
            RegistrationBenchmark.runFor(concurrency, warmup, purchase);
            otpLatency.clear();
            buyLatency.clear();
            long before = db.sql("SELECT count(*) FROM voucher").query(Long.class).single();
            boolean statements = System.getProperty("pgss") != null;
            if (statements) {
                db.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
                db.sql("SELECT pg_stat_statements_reset()").query(Object.class).list();
            }
            var cpuBefore = CpuUse.now();
            long start = System.nanoTime();
            System.out.println("MEASURING for " + seconds + " s");
            RegistrationBenchmark.runFor(concurrency, seconds, purchase);
            double elapsed = (System.nanoTime() - start) / 1e9;
            var cpu = CpuUse.now().since(cpuBefore);
            long bought = db.sql("SELECT count(*) FROM voucher").query(Long.class).single() - before;
            System.out.printf("PURCHASES concurrency=%d cards=%d rate=%.1f purchases/s (OTP + purchase) failures=%d%n",
                    concurrency, cards, bought / elapsed, failures.size());
            failures.stream().limit(3).forEach(f -> System.out.println("  failure: " + f));
            System.out.println("  OTP request      " + BenchServer.percentiles(otpLatency.stream().mapToLong(Long::longValue).toArray()));
            System.out.println("  purchase request " + BenchServer.percentiles(buyLatency.stream().mapToLong(Long::longValue).toArray()));
            System.out.println("  " + cpu.perPurchase(bought, elapsed));
            if (statements) {
                printStatements(db, bought);
            }
            var reconciliation = context.getBean(org.prakerja.ledger.Ledger.class).reconcile();
            System.out.println("  ledger balanced=" + reconciliation.balanced() + " reserved=" + reconciliation.accounts());

            int pgPort = context.getBean(EmbeddedServer.class).port();
            double tps = pgbench(db, pgPort, seconds);
            System.out.printf("PGBENCH tpc-b-like clients=8 threads=2 tps=%.1f%n", tps);
            System.out.printf("RATIO purchases/pgbench = %.3f (target >= 0.25)%n", bought / elapsed / tps);
        } finally {
            context.close();
        }
    }

    /** With -Dpgss: PostgreSQL's own account of the measured seconds, per statement and per purchase. */
    private static void printStatements(JdbcClient db, long bought) {
        System.out.println("  statements (calls per purchase, share planned, exec+plan µs per purchase, rows, shared blocks dirtied, WAL bytes per purchase):");
        db.sql("""
                SELECT calls::float8 / :n AS per, plans::float8 / greatest(calls, 1) AS planned, (total_exec_time + total_plan_time) * 1000 / :n AS us,
                       rows::float8 / greatest(calls, 1) AS r, shared_blks_dirtied::float8 / :n AS dirtied,
                       wal_bytes::float8 / :n AS wal, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) AS q
                FROM pg_stat_statements WHERE calls >= :n / 10 ORDER BY us DESC
                """).param("n", Math.max(1, bought)).query((rs, i) -> "%6.2f %5.2f %8.1f %6.1f %6.2f %8.0f  %s".formatted(
                rs.getDouble("per"), rs.getDouble("planned"), rs.getDouble("us"), rs.getDouble("r"), rs.getDouble("dirtied"), rs.getDouble("wal"),
                rs.getString("q"))).list().forEach(line -> System.out.println("    " + line));
    }

    private record Holder(String cardNumber, UUID participantId) {
    }

    /** Cards as the announcement makes them: participants first (set-based), then Cards.issue in chunks. */
    private static List<Holder> issueCards(org.springframework.context.ConfigurableApplicationContext context,
            JdbcClient db, int n) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        db.sql("""
                INSERT INTO participant (id, email, phone, nik_hash, nik_masked, kk_hash, full_name, birth_date, gender,
                    province, city, education, employment_status, in_school, civil_servant, security_forces,
                    village_official, legislator, email_verified_at, phone_verified_at, basic_test_passed_at, created_at)
                SELECT gen_random_uuid(), 'buy-' || :tag || '-' || g || '@example.id', '+627' || lpad(g::text, 10, '0'),
                       sha256(convert_to(:tag || 'nik' || g, 'UTF8')), '3201********0001',
                       sha256(convert_to(:tag || 'kk' || g, 'UTF8')), 'Pembeli ' || g, date '1990-01-01', 'M',
                       'DKI Jakarta', 'Jakarta', 'SMA', 'UNEMPLOYED', false, false, false, false, false,
                       now(), now(), now(), now()
                FROM generate_series(1, :n) g
                """).param("tag", tag).param("n", n).update();
        List<UUID> ids = db.sql("SELECT id FROM participant WHERE email LIKE ? ORDER BY id").param("buy-" + tag + "-%")
                .query(UUID.class).list();
        var cards = context.getBean(Cards.class);
        var tx = context.getBean(TransactionTemplate.class);
        for (int i = 0; i < ids.size(); i += 5000) {
            var chunk = ids.subList(i, Math.min(ids.size(), i + 5000));
            var scheme = context.getBean(org.prakerja.scheme.Schemes.class).defaultScheme();
            tx.executeWithoutResult(s -> cards.issue(chunk, 1, scheme));
        }
        var holders = new ArrayList<Holder>();
        ids.forEach(id -> holders.add(new Holder(cards.fullNumber(id).orElseThrow(), id)));
        return holders;
    }

    private static String cheapestTraining(Client client) {
        JsonNode cheapest = null;
        for (JsonNode t : client.get("/partner/v1/trainings").json.get("items")) {
            if (cheapest == null || t.get("price").asLong() < cheapest.get("price").asLong()) {
                cheapest = t;
            }
        }
        return cheapest.get("id").asString();
    }

    private static double pgbench(JdbcClient db, int port, int seconds) throws Exception {
        db.sql("DROP DATABASE IF EXISTS pgbench").update();
        db.sql("CREATE DATABASE pgbench").update();
        run("pgbench", "-i", "-q", "-s", "10", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "pgbench");
        String out = run("pgbench", "-c", "8", "-j", "2", "-T", String.valueOf(seconds), "-M", "prepared", "-h", "localhost",
                "-p", String.valueOf(port), "-U", "postgres", "pgbench");
        var m = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String run(String... command) throws Exception {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the embedded server asks for the password it keeps in its data folder
        builder.environment().put("PGPASSWORD", java.nio.file.Files.readString(java.nio.file.Path.of(
                System.getProperty("dataDir", "target/bench-buy-pg"), "prakerja-password")).trim());
        var process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private record Answer(int status, String body, JsonNode json) {
    }

    private static final class Client {
        private final KeepAliveHttp http;
        private final String partnerId;
        private final String secret;

        Client(int port, String partnerId, String secret) {
            this.http = new KeepAliveHttp("localhost", port);
            this.partnerId = partnerId;
            this.secret = secret;
        }

        Answer get(String path) {
            return send("GET", path, "");
        }

        Answer post(String path, Object body) {
            return send("POST", path, JSON.writeValueAsString(body));
        }

        private Answer send(String method, String path, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String timestamp = OffsetDateTime.now(ZoneOffset.UTC).toString();
            String signature = Signatures.sign(secret, Signatures.canonical(method, path, bytes, timestamp));
            var headers = new java.util.LinkedHashMap<String, String>();
            headers.put("Content-Type", "application/json");
            headers.put("X-Partner-Id", partnerId);
            headers.put("X-Timestamp", timestamp);
            headers.put("X-Signature", signature);
            headers.put("X-External-Id", UUID.randomUUID().toString());
            try {
                var response = http.send(method, path, headers, bytes);
                JsonNode json = null;
                try {
                    json = JSON.readTree(response.body());
                } catch (RuntimeException ignored) {
                    // kept raw
                }
                return new Answer(response.status(), response.body(), json);
            } catch (Exception e) {
                return new Answer(599, e.toString(), null);
            }
        }
    }

    private PurchaseBenchmark() {
    }
}
