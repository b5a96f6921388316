package org.prakerja.wave;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.prakerja.common.ProgramRules;
import org.prakerja.notification.Notice;
import org.prakerja.notification.Notifications;
import org.prakerja.registration.IdentityStatus;
import org.prakerja.registration.Participant;
import org.prakerja.registration.Participants;
import org.prakerja.scheme.Scheme;
import org.prakerja.wave.JoinResult.Joined;
import org.prakerja.wave.JoinResult.NotEligible;
import org.prakerja.wave.JoinResult.Refused;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R-21 joining a wave (Gabung Gelombang), with the eligibility of R-12..R-14. */
@Service
@Transactional
public class Applications {

    /** A participant's latest application, as the dashboard shows it. */
    public record ApplicationView(int wave, ApplicationStatus status, String exclusionReason) {
    }

    private final JdbcClient db;
    private final Waves waves;
    private final Participants participants;
    private final Notifications notifications;
    private final Clock clock;
    private final ProgramRules rules;

    Applications(JdbcClient db, Waves waves, Participants participants, Notifications notifications, Clock clock,
            ProgramRules rules) {
        this.db = db;
        this.waves = waves;
        this.participants = participants;
        this.notifications = notifications;
        this.clock = clock;
        this.rules = rules;
    }

    public JoinResult join(UUID participantId, int waveNumber) {
        var wave = waves.find(waveNumber);
        if (wave.isEmpty()) {
            return new Refused(WaveRefusal.WAVE_NOT_FOUND);
        }
        if (!wave.get().acceptsApplicationsAt(clock.instant())) {
            return new Refused(WaveRefusal.WAVE_NOT_OPEN);
        }
        var participant = participants.find(participantId).orElseThrow();
        if (!participant.emailVerified() || !participant.phoneVerified()) {
            return new Refused(WaveRefusal.VERIFICATION_REQUIRED);
        }
        if (!participant.basicTestPassed()) {
            return new Refused(WaveRefusal.BASIC_TEST_REQUIRED);
        }
        var ineligible = ineligibility(participant, waves.schemeOf(waveNumber).orElseThrow());
        if (ineligible.isPresent()) {
            return new NotEligible(ineligible.get());
        }
        try {
            int inserted = db.sql("""
                    INSERT INTO application (wave_number, participant_id, status, nik_hash, kk_hash, priority, birth_date, applied_at)
                    VALUES (?, ?, %s, ?, ?, ?, ?, ?) ON CONFLICT (wave_number, participant_id) DO NOTHING
                    """.formatted(ApplicationStatus.PENDING.sql()))
                    .params(waveNumber, participantId, participant.nikHash(), participant.kkHash(),
                            participant.employmentStatus().priority(), participant.birthDate(),
                            Timestamp.from(clock.instant()))
                    .update();
            if (inserted == 0) {
                return new Refused(WaveRefusal.ALREADY_APPLIED);
            }
        } catch (DuplicateKeyException e) {
            // already pending in another wave
            return new Refused(WaveRefusal.ALREADY_APPLIED);
        }
        notifications.inApp(participantId, Notice.of("WAVE_JOINED", waveNumber));
        return new Joined(waveNumber);
    }

    /**
     * R-13 why the participant could not join this wave today, if anything; the dashboard asks before
     * it offers the Gabung Gelombang button (joining asks again).
     */
    @Transactional(readOnly = true)
    public Optional<Ineligibility> ineligibilityOf(UUID participantId, int waveNumber) {
        var scheme = waves.schemeOf(waveNumber);
        return scheme.isEmpty() ? Optional.empty()
                : participants.find(participantId).flatMap(p -> ineligibility(p, scheme.get()));
    }

    /**
     * The words of an ineligibility ({@code ineligibility.<REASON>} in the bundles) take these: {0} the
     * wave's scheme's minimum age, {1} the family cap, {2} the scheme's maximum age.
     */
    @Transactional(readOnly = true)
    public Object[] ineligibilityArguments(int waveNumber) {
        var scheme = waves.schemeOf(waveNumber).orElseThrow();
        return new Object[] {scheme.minAge(), rules.recipientsPerFamily(), scheme.maxAge() == null ? "" : scheme.maxAge()};
    }

    /** the age range of the wave's scheme, the personal rules, once in a lifetime, the family cap. */
    Optional<Ineligibility> ineligibility(Participant p, Scheme scheme) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        if (p.identity() == IdentityStatus.REJECTED) {
            return Optional.of(Ineligibility.IDENTITY_NOT_VERIFIED);
        }
        var age = Exclusions.AgeBounds.on(today, scheme).of(p.birthDate());
        if (age.isPresent()) {
            return age;
        }
        var d = p.declarations();
        if (d.inSchool()) {
            return Optional.of(Ineligibility.IN_SCHOOL);
        }
        if (d.civilServant()) {
            return Optional.of(Ineligibility.CIVIL_SERVANT);
        }
        if (d.securityForces()) {
            return Optional.of(Ineligibility.SECURITY_FORCES);
        }
        if (d.villageOfficial()) {
            return Optional.of(Ineligibility.VILLAGE_OFFICIAL);
        }
        if (d.legislator()) {
            return Optional.of(Ineligibility.LEGISLATOR);
        }
        var recipients = db.sql("""
                SELECT count(*) FILTER (WHERE nik_hash = :nik), count(DISTINCT participant_id) FILTER (WHERE kk_hash = :kk)
                FROM application WHERE %s AND (nik_hash = :nik OR kk_hash = :kk)
                """.formatted(Exclusions.RECIPIENT))
                .param("nik", p.nikHash()).param("kk", p.kkHash())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        if (recipients[0] > 0) {
            return Optional.of(Ineligibility.PREVIOUS_RECIPIENT);
        }
        if (recipients[1] >= rules.recipientsPerFamily()) {
            return Optional.of(Ineligibility.FAMILY_CAP);
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public Optional<ApplicationView> latest(UUID participantId) {
        return db.sql("""
                SELECT a.wave_number, a.status, a.exclusion_reason, w.status AS wave_status FROM application a
                JOIN wave w ON w.number = a.wave_number
                WHERE a.participant_id = ? ORDER BY a.applied_at DESC LIMIT 1
                """)
                .param(participantId)
                // the result is the participant's only once it is announced
                .query((rs, i) -> new ApplicationView(rs.getInt(1),
                        rs.getString("wave_status").equals("ANNOUNCED") ? ApplicationStatus.valueOf(rs.getString(2))
                                : ApplicationStatus.PENDING,
                        rs.getString("wave_status").equals("ANNOUNCED") ? rs.getString(3) : null))
                .optional();
    }

    @Transactional(readOnly = true)
    public long countAll() {
        return db.sql("SELECT count(*) FROM application").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public long countSelected() {
        return db.sql("SELECT count(*) FROM application WHERE " + Exclusions.RECIPIENT).query(Long.class).single();
    }
}
