package org.prakerja.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.prakerja.PrakerjaApplication;
import org.prakerja.incentive.Disbursement;
import org.prakerja.job.JobProgress;
import org.prakerja.ledger.AccountId;
import org.prakerja.ledger.Ledger;
import org.prakerja.ledger.Movement;
import org.prakerja.common.Rupiah;
import org.prakerja.simulator.snap.SnapSimulator;
import org.prakerja.simulator.snap.SnapSimulatorMain;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (not a test): one disbursement run over N due instalments with the stand-in
 * provider (or, with {@code -Dprovider=snap}, the SNAP BI adapter against the SNAP simulator), on the real service code against PostgreSQL on this machine, then a second run that
 * must pay nothing. Run by bench/disbursement.sh.
 */
public final class DisbursementBenchmark {

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("payouts", 200_000);
        var settings = new ArrayList<>(List.of("--spring.profiles.active=sandbox", "--prakerja.jobs.schedule.enabled=false",
                "--prakerja.db.embedded.data-dir=" + System.getProperty("dataDir", "target/bench-pay-pg"),
                "--prakerja.db.embedded.statement-stats=true", "--logging.structured.format.console=",
                "--logging.level.root=WARN", "--logging.level.org.prakerja.incentive=INFO"));
        // BENCH_PROVIDER=snap: the SNAP BI adapter against the SNAP simulator (in this JVM, over real HTTP)
        SnapSimulator snap = null;
        if ("snap".equals(System.getProperty("provider"))) {
            var keys = SnapSimulatorMain.generate();
            var pem = java.nio.file.Files.createTempFile("bench-snap", ".pem");
            java.nio.file.Files.writeString(pem, SnapSimulatorMain.pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            snap = new SnapSimulator(0, "bench", keys.getPublic(), "bench-secret", Duration.ofMinutes(15));
            settings.addAll(List.of("--prakerja.payment.snap.base-url=" + snap.baseUrl(),
                    "--prakerja.payment.snap.client-key=bench", "--prakerja.payment.snap.private-key=" + pem,
                    "--prakerja.payment.snap.client-secret=bench-secret", "--prakerja.payment.snap.source-account=1234567890"));
            System.out.println("provider: SNAP BI simulator at " + snap.baseUrl());
        }
        var context = new SpringApplicationBuilder(PrakerjaApplication.class)
                .web(WebApplicationType.NONE)
                // the sandbox's public keys: this database is the benchmark's own
                .run(settings.toArray(String[]::new));
        try {
            var db = context.getBean(JdbcClient.class);
            var ledger = context.getBean(Ledger.class);
            var tx = context.getBean(TransactionTemplate.class);
            long g0 = System.nanoTime();
            List<UUID> participants = generate(db, n);
            // the instalments' money, as earning moves it: fund → each participant's payable
            for (int i = 0; i < participants.size(); i += 10_000) {
                var chunk = participants.subList(i, Math.min(participants.size(), i + 10_000));
                var movements = new ArrayList<Movement>(chunk.size());
                for (UUID p : chunk) {
                    movements.add(new Movement(UUID.nameUUIDFromBytes(("bench-fund:" + p).getBytes()), AccountId.PROGRAM_FUND,
                            AccountId.incentivePayable(p), Rupiah.of(600_000)));
                }
                tx.executeWithoutResult(s -> ledger.transferAll(movements, "bench: instalment earned"));
            }
            db.sql("VACUUM ANALYZE").update();
            System.out.printf("generated %,d participants, payout accounts and due instalments in %.1f s%n", n,
                    secs(g0, System.nanoTime()));

            var disbursement = context.getBean(Disbursement.class);
            db.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
            db.sql("SELECT pg_stat_statements_reset()").query(Object.class).list();
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            var cpuBefore = CpuUse.now();
            long r0 = System.nanoTime();
            var first = disbursement.run(JobProgress.NONE);
            long r1 = System.nanoTime();
            var cpu = CpuUse.now().since(cpuBefore);
            long peakHeap = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            double seconds = secs(r0, r1);
            System.out.printf("RUN 1 sent=%,d paid=%,d refused=%d unanswered=%d time=%.1f s rate=%.0f/s%n", first.sent(),
                    first.paid(), first.refused(), first.unanswered(), seconds, first.paid() / seconds);
            System.out.printf("  where the time went: taking batches %.1f s, provider calls %.1f s, recording %.1f s%n",
                    first.claiming().toNanos() / 1e9, first.paying().toNanos() / 1e9, first.recording().toNanos() / 1e9);
            System.out.printf("  CPU per payout: JVM %.3f ms, PostgreSQL %.3f ms; peak heap used %.0f MiB (max %d MiB)%n",
                    cpu.jvm().toNanos() / 1e6 / Math.max(1, first.paid()),
                    cpu.postgres().toNanos() / 1e6 / Math.max(1, first.paid()), peakHeap / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576);
            System.out.println("  " + cpu.perPurchase(first.paid(), seconds).replace("purchase", "payout"));

            System.out.println("  statements by time (calls, exec+plan ms in all, µs per payout, WAL bytes per payout):");
            long paid = Math.max(1, first.paid());
            db.sql("""
                    SELECT calls, total_exec_time + total_plan_time AS ms, wal_bytes,
                           left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q
                    FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 12
                    """).query((rs, i) -> "%8d %9.0f %7.1f %7.0f  %s".formatted(rs.getLong("calls"), rs.getDouble("ms"),
                    rs.getDouble("ms") * 1000 / paid, rs.getDouble("wal_bytes") / paid, rs.getString("q")))
                    .list().forEach(line -> System.out.println("    " + line));

            long s0 = System.nanoTime();
            var second = disbursement.run(JobProgress.NONE);
            System.out.printf("RUN 2 sent=%,d paid=%,d time=%.1f s%n", second.sent(), second.paid(), secs(s0, System.nanoTime()));
            long providerPaid = snap != null ? snap.payments()
                    : db.sql("SELECT count(*) FROM provider_payment").query(Long.class).single();
            long recordedPaid = db.sql("SELECT count(*) FROM incentive_payout WHERE status = 'PAID'").query(Long.class).single();
            var reconciliation = ledger.reconcile();
            System.out.printf("CHECK provider paid=%,d recorded PAID=%,d PAID_OUT=%,d balanced=%s%n", providerPaid,
                    recordedPaid, reconciliation.accounts().get(org.prakerja.ledger.AccountKind.PAID_OUT),
                    reconciliation.balanced());
        } finally {
            context.close();
            if (snap != null) {
                snap.close();
            }
        }
    }

    /** Participants with an e-wallet payout account and one due instalment each, set-based. */
    private static List<UUID> generate(JdbcClient db, int n) {
        String tag = Long.toString(System.nanoTime() % 100_000);
        db.sql("""
                INSERT INTO participant (id, email, phone, nik_hash, nik_masked, kk_hash, full_name, birth_date, gender,
                    province, city, education, employment_status, in_school, civil_servant, security_forces,
                    village_official, legislator, email_verified_at, phone_verified_at, basic_test_passed_at, created_at)
                SELECT md5(:tag || 'pay' || g)::uuid, 'pay' || :tag || '-' || g || '@example.id',
                       '+628' || lpad(:tag, 5, '0') || lpad(g::text, 7, '0'),
                       sha256(convert_to(:tag || 'nik' || g, 'UTF8')), '3201********0001',
                       sha256(convert_to(:tag || 'kk' || g, 'UTF8')), 'Penerima ' || g, date '1990-01-01', 'M',
                       'Jawa Barat', 'Bandung', 'SMA', 'UNEMPLOYED', false, false, false, false, false,
                       now(), now(), now(), now()
                FROM generate_series(1, :n) g
                """).param("tag", tag).param("n", n).update();
        db.sql("""
                INSERT INTO payout_account (participant_id, provider, account_number, holder_name, validated_at)
                SELECT id, 'OVO', phone, full_name, now() FROM participant WHERE email LIKE 'pay' || :tag || '-%'
                """).param("tag", tag).update();
        Instant due = Instant.now().minus(Duration.ofMinutes(1));
        db.sql("""
                INSERT INTO incentive_payout (id, participant_id, kind, seq, amount, status, due_at, next_attempt_at, updated_at)
                SELECT md5('payout:' || id)::uuid, id, 'INCENTIVE', 1, 600000, 'SCHEDULED', :due, :due, now()
                FROM participant WHERE email LIKE 'pay' || :tag || '-%'
                """).param("tag", tag).param("due", java.sql.Timestamp.from(due)).update();
        return db.sql("SELECT id FROM participant WHERE email LIKE 'pay' || ? || '-%'").param(tag).query(UUID.class).list();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    private DisbursementBenchmark() {
    }
}
