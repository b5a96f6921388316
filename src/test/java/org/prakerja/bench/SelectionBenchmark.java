package org.prakerja.bench;

import java.time.Duration;
import java.time.Instant;
import org.prakerja.PrakerjaApplication;
import org.prakerja.job.JobProgress;
import org.prakerja.ledger.Ledger;
import org.prakerja.wave.Announcement;
import org.prakerja.wave.Selection;
import org.prakerja.wave.WaveStatus;
import org.prakerja.wave.Waves;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): selection of N applicants with a quota, then its announcement, on the
 * real service code against PostgreSQL on this machine. Run by bench/selection.sh.
 */
public final class SelectionBenchmark {

    public static void main(String[] args) {
        int applicants = Integer.getInteger("applicants", 1_000_000);
        int quota = Integer.getInteger("quota", 200_000);
        // command-line arguments win over application.yml
        var context = new SpringApplicationBuilder(PrakerjaApplication.class)
                .web(WebApplicationType.NONE)
                // the sandbox's public keys: this database is the benchmark's own
                .run("--spring.profiles.active=sandbox", "--prakerja.jobs.schedule.enabled=false",
                        "--prakerja.db.embedded.data-dir=" + System.getProperty("dataDir", "target/bench-pg"),
                        "--logging.structured.format.console=",
                        "--logging.level.root=WARN");
        try {
            var db = context.getBean(JdbcClient.class);
            var waves = context.getBean(Waves.class);
            int wave = waves.nextNumber();
            var now = Instant.now();
            waves.create(wave, quota, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(2)));
            waves.transition(wave, WaveStatus.OPEN);

            long t0 = System.nanoTime();
            generate(db, wave, applicants);
            long generated = System.nanoTime();
            System.out.printf("generated %,d participants and applications in %.1f s%n", applicants, secs(t0, generated));
            waves.transition(wave, WaveStatus.CLOSED);
            db.sql("ANALYZE").update();

            long s0 = System.nanoTime();
            context.getBean(Selection.class).run(wave, NO_PROGRESS);
            long s1 = System.nanoTime();
            var report = context.getBean(Selection.class).report(wave).orElseThrow();
            System.out.printf("SELECTION applicants=%,d eligible=%,d selected=%,d excluded=%s time=%.1f s%n",
                    report.applicants(), report.eligible(), report.selected(), report.excluded(), secs(s0, s1));

            long a0 = System.nanoTime();
            context.getBean(Announcement.class).run(wave, NO_PROGRESS);
            long a1 = System.nanoTime();
            long cards = db.sql("SELECT count(*) FROM card WHERE wave_number = ?").param(wave).query(Long.class).single();
            long sms = db.sql("SELECT count(*) FROM outbox WHERE channel = 'SMS' AND body LIKE ?")
                    .param("%Gelombang " + wave + ".%").query(Long.class).single();
            long inApp = db.sql("SELECT count(*) FROM in_app_notification WHERE kind IN ('SELECTED', 'NOT_SELECTED')")
                    .query(Long.class).single();
            var reconciliation = context.getBean(Ledger.class).reconcile();
            System.out.printf("ANNOUNCEMENT cards=%,d sms=%,d inApp=%,d balanced=%s fund=%,d time=%.1f s%n",
                    cards, sms, inApp, reconciliation.balanced(),
                    reconciliation.accounts().get(org.prakerja.ledger.AccountKind.PROGRAM_FUND), secs(a0, a1));
        } finally {
            context.close();
        }
    }

    /**
     * Participants and their applications, set-based. 5% live in families of three (so a third of
     * those hit the family cap); birth dates spread so about 1.4% are under 18.
     */
    static void generate(JdbcClient db, int wave, int n) {
        db.sql("""
                INSERT INTO participant (id, email, phone, nik_hash, nik_masked, kk_hash, full_name, birth_date, gender,
                    province, city, education, employment_status, in_school, civil_servant, security_forces,
                    village_official, legislator, email_verified_at, phone_verified_at, basic_test_passed_at, created_at)
                SELECT md5(:wave || 'p' || g)::uuid, 'bench' || :wave || '-' || g || '@example.id',
                       '+629' || lpad(:wave::text, 3, '0') || lpad(g::text, 8, '0'),
                       sha256(convert_to(:wave || 'nik' || g, 'UTF8')), '3201********' || lpad((g % 10000)::text, 4, '0'),
                       sha256(convert_to(:wave || 'kk' || CASE WHEN g <= :n / 20 THEN ((g + 2) / 3)::text ELSE 'x' || g END, 'UTF8')),
                       'Peserta ' || g, date '1990-01-01' + (g % 7000), CASE WHEN g % 2 = 0 THEN 'M' ELSE 'F' END,
                       'Jawa Barat', 'Bandung', 'SMA',
                       (ARRAY['LAID_OFF', 'UNEMPLOYED', 'EMPLOYED', 'SELF_EMPLOYED', 'MICRO_BUSINESS'])[1 + g % 5],
                       false, false, false, false, false, now(), now(), now(), now()
                FROM generate_series(1, :n) g
                """)
                .param("wave", wave).param("n", n).update();
        db.sql("""
                INSERT INTO application (wave_number, participant_id, status, nik_hash, kk_hash, priority, birth_date, applied_at)
                SELECT :wave, id, 'PENDING', nik_hash, kk_hash,
                       CASE employment_status WHEN 'LAID_OFF' THEN 0 WHEN 'UNEMPLOYED' THEN 1 ELSE 2 END, birth_date, now()
                FROM participant WHERE email LIKE 'bench' || :wave || '-%'
                """)
                .param("wave", wave).update();
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    private static final JobProgress NO_PROGRESS = new JobProgress() {
        @Override
        public void total(long total) {
        }

        @Override
        public void advance(long by) {
        }
    };

    private SelectionBenchmark() {
    }
}
