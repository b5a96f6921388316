package org.prakerja.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applicants by the thousand for a wave, set-based as bench/SelectionBenchmark makes them:
 * verified adults with their own NIK and family card each, so none is excluded.
 */
public final class Crowd {

    private Crowd() {
    }

    public static void apply(JdbcClient db, int wave, int n) {
        db.sql("""
                INSERT INTO participant (id, email, phone, nik_hash, nik_masked, kk_hash, full_name, birth_date, gender,
                    province, city, education, employment_status, in_school, civil_servant, security_forces,
                    village_official, legislator, email_verified_at, phone_verified_at, basic_test_passed_at, created_at)
                SELECT md5('crowd' || :wave || 'p' || g)::uuid, 'crowd' || :wave || '-' || g || '@example.id',
                       '+627' || lpad(:wave::text, 6, '0') || lpad(g::text, 6, '0'),
                       sha256(convert_to('crowd' || :wave || 'nik' || g, 'UTF8')), '3201********' || lpad((g % 10000)::text, 4, '0'),
                       sha256(convert_to('crowd' || :wave || 'kk' || g, 'UTF8')),
                       'Peserta ' || g, date '1980-01-01' + (g % 5000), CASE WHEN g % 2 = 0 THEN 'M' ELSE 'F' END,
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
                FROM participant WHERE email LIKE 'crowd' || :wave || '-%'
                """)
                .param("wave", wave).update();
    }
}
