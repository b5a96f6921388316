package org.prakerja.wave;

import jakarta.annotation.Nullable;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.prakerja.common.ProgramRules;
import org.prakerja.job.JobProgress;
import org.prakerja.registration.IdentityStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * R-22 reproducible selection, one set-based statement over the wave's applicants.
 *
 * <p>The function, so anyone holding the seed and the applicant list can recompute it:
 * <ol>
 * <li>Exclusions, before ranking ({@link Exclusions}): younger than the wave's scheme's
 * {@code minAge} (18) on the day the wave closed (UNDER_AGE); older than its {@code maxAge} that day,
 * when the scheme has one (64 in NORMAL_2023: OVER_AGE, R-25); a NIK that appears twice
 * (DUPLICATE_NIK, the lower draw stays); a NIK selected in an earlier wave (PREVIOUS_RECIPIENT); per
 * family card, the members beyond the family cap ({@code prakerja.program.recipients-per-family}, 2 by
 * default) minus the family's earlier recipients, in draw order (FAMILY_CAP). First of all, a person
 * whose identity the civil registry has not confirmed (IDENTITY_NOT_VERIFIED: still awaiting its
 * answer, or rejected), read from the participant at the moment of the selection.
 * <li>draw = SHA-256 of the UTF-8 string {@code seed + ":" + applicantId} (the participant id in
 * lowercase canonical UUID form), compared as bytes.
 * <li>Ranking: by priority (0 laid off, 1 job seeker, 2 others), then by draw; the first
 * {@code quota} are SELECTED, the rest NOT_SELECTED.
 * </ol>
 */
@Service
public class Selection {

    private static final Logger log = LoggerFactory.getLogger(Selection.class);

    /** GET /api/v1/ops/waves/{n}/selection. */
    public record Report(@Nullable String seed, String seedHash, long applicants, long eligible, long selected,
            Map<String, Long> excluded) {
    }

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final Waves waves;
    private final ProgramRules rules;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Selection(JdbcClient db, TransactionTemplate tx, Waves waves, ProgramRules rules, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.waves = waves;
        this.rules = rules;
        this.clock = clock;
    }

    /** Runs the selection of a CLOSED wave; false if the wave is not CLOSED (any more). */
    public boolean run(int number, JobProgress progress) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            var wave = waves.lock(number).orElseThrow();
            if (wave.status() != WaveStatus.CLOSED) {
                return false;
            }
            // the three window sorts over a million rows fit in memory instead of spilling to disk
            db.sql("SET LOCAL work_mem = '256MB'").update();
            long applicants = db.sql("SELECT count(*) FROM application WHERE wave_number = ? AND status = "
                            + ApplicationStatus.PENDING.sql())
                    .param(number).query(Long.class).single();
            progress.total(applicants);
            LocalDate closedOn = wave.joinClosesAt().atZone(clock.getZone()).toLocalDate();
            var scheme = waves.schemeOf(number).orElseThrow();
            var age = Exclusions.AgeBounds.on(closedOn, scheme);
            db.sql("""
                    WITH apps AS (
                        SELECT a.participant_id, a.nik_hash, a.kk_hash, a.priority, a.birth_date,
                               p.identity_status = {verified} AS identified,
                               sha256(convert_to(:seed || ':' || a.participant_id::text, 'UTF8')) AS draw
                        FROM application a JOIN participant p ON p.id = a.participant_id
                        WHERE a.wave_number = :wave AND a.status IN {drawn}),
                    earlier_kk AS (
                        SELECT kk_hash, count(DISTINCT participant_id) AS n FROM application
                        WHERE {recipient} AND wave_number <> :wave GROUP BY kk_hash),
                    first_pass AS (
                        SELECT apps.*,
                            CASE
                                WHEN NOT identified THEN 'IDENTITY_NOT_VERIFIED'
                                WHEN birth_date > :adultBornBy THEN 'UNDER_AGE'
                                WHEN birth_date <= :overAgeBornBy THEN 'OVER_AGE'
                                WHEN row_number() OVER (PARTITION BY nik_hash ORDER BY draw) > 1 THEN 'DUPLICATE_NIK'
                                WHEN EXISTS (SELECT 1 FROM application e WHERE e.{recipient}
                                             AND e.wave_number <> :wave AND e.nik_hash = apps.nik_hash) THEN 'PREVIOUS_RECIPIENT'
                            END AS reason
                        FROM apps),
                    family AS (
                        SELECT f.participant_id, f.priority, f.draw,
                            CASE
                                WHEN f.reason IS NOT NULL THEN f.reason
                                WHEN row_number() OVER (PARTITION BY f.kk_hash, f.reason IS NULL ORDER BY f.draw)
                                     + coalesce(k.n, 0) > :cap THEN 'FAMILY_CAP'
                            END AS reason
                        FROM first_pass f LEFT JOIN earlier_kk k ON k.kk_hash = f.kk_hash),
                    ranked AS (
                        SELECT participant_id, reason,
                            CASE WHEN reason IS NULL
                                 THEN row_number() OVER (PARTITION BY reason IS NULL ORDER BY priority, draw) END AS rank
                        FROM family)
                    UPDATE application a
                    SET status = CASE WHEN r.reason IS NULL AND r.rank <= :quota THEN {selected} ELSE {notSelected} END,
                        exclusion_reason = r.reason,
                        rank = r.rank
                    FROM ranked r
                    WHERE a.wave_number = :wave AND a.participant_id = r.participant_id
                    """.replace("{drawn}", ApplicationStatus.sqlMovingTo(ApplicationStatus.SELECTED))
                    .replace("{recipient}", Exclusions.RECIPIENT)
                    .replace("{verified}", IdentityStatus.VERIFIED.sql())
                    .replace("{selected}", ApplicationStatus.SELECTED.sql())
                    .replace("{notSelected}", ApplicationStatus.NOT_SELECTED.sql()))
                    .param("seed", wave.seed())
                    .param("wave", number)
                    .param("adultBornBy", Date.valueOf(age.adultBornBy()))
                    .param("overAgeBornBy", Date.valueOf(age.overAgeBornBy()))
                    .param("cap", rules.recipientsPerFamily())
                    .param("quota", wave.quota())
                    .update();
            var report = tally(number);
            db.sql("UPDATE wave SET applicants = ?, eligible = ?, selected = ?, excluded = ?::jsonb WHERE number = ?")
                    .params(report.applicants(), report.eligible(), report.selected(),
                            json.writeValueAsString(report.excluded()), number)
                    .update();
            waves.moveIfIn(number, WaveStatus.CLOSED, WaveStatus.SELECTED);
            progress.advance(applicants);
            log.info("selection done wave={} applicants={} eligible={} selected={}", number, report.applicants(),
                    report.eligible(), report.selected());
            return true;
        }));
    }

    public Optional<Report> report(int number) {
        return waves.find(number).map(w -> {
            if (w.status() == WaveStatus.DRAFT || w.status() == WaveStatus.OPEN || w.status() == WaveStatus.CLOSED) {
                long applicants = db.sql("SELECT count(*) FROM application WHERE wave_number = ?").param(number)
                        .query(Long.class).single();
                return new Report(w.selectionSeed(), w.selectionSeedHash(), applicants, 0, 0, Map.of());
            }
            var tally = tally(number);
            return new Report(w.seed(), w.selectionSeedHash(), tally.applicants(), tally.eligible(), tally.selected(),
                    tally.excluded());
        });
    }

    private Report tally(int number) {
        Map<String, Long> excluded = new LinkedHashMap<>();
        long[] totals = new long[3];
        db.sql("""
                SELECT coalesce(exclusion_reason, '') AS reason, status, count(*) AS n FROM application
                WHERE wave_number = ? GROUP BY 1, 2 ORDER BY 1, 2
                """)
                .param(number)
                .query(rs -> {
                    String reason = rs.getString(1);
                    long n = rs.getLong(3);
                    totals[0] += n;
                    if (reason.isEmpty()) {
                        totals[1] += n;
                        if (ApplicationStatus.valueOf(rs.getString(2)) == ApplicationStatus.SELECTED) {
                            totals[2] += n;
                        }
                    } else {
                        excluded.merge(reason, n, Long::sum);
                    }
                });
        return new Report(null, null, totals[0], totals[1], totals[2], excluded);
    }
}
