package org.prakerja.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.prakerja.common.SecretBox;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notice;
import org.prakerja.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the civil registry again about the identities left AWAITING while it was unreachable, in
 * batches, oldest first; each decision moves one participant once ({@link IdentityStatus}) and
 * erases the sealed NIK with it. A round stops at the first "could not ask": the registry is still
 * down, and the rest would only add calls to a breaker that is about to open.
 *
 * <p>A REJECTED registration gives its NIK back: the NIK's hash is replaced by one of the
 * participant's id, so the NIK's real owner can register (once per NIK still holds: only one
 * account ever holds the NIK's hash). The person is told by SMS and notice how to complain.
 */
@Service
class IdentityRecheck {

    private static final Logger log = LoggerFactory.getLogger(IdentityRecheck.class);

    /** What the recheck did in one call. */
    record Round(int verified, int rejected, boolean registryUnavailable) {
        int decided() {
            return verified + rejected;
        }
    }

    private record Awaiting(UUID id, byte[] nikSealed, String fullName, LocalDate birthDate) {
    }

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final CivilRegistry registry;
    private final SecretBox secrets;
    private final PiiHashing hashing;
    private final Notifications notifications;
    private final Clock clock;

    IdentityRecheck(JdbcClient db, TransactionTemplate tx, CivilRegistry registry, SecretBox secrets,
            PiiHashing hashing, Notifications notifications, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.registry = registry;
        this.secrets = secrets;
        this.hashing = hashing;
        this.notifications = notifications;
        this.clock = clock;
    }

    long awaiting() {
        return db.sql("SELECT count(*) FROM participant WHERE identity_status = " + IdentityStatus.AWAITING.sql())
                .query(Long.class).single();
    }

    /** One batch of at most {@code size} identities. */
    Round batch(int size) {
        List<Awaiting> batch = db.sql("""
                SELECT id, nik_sealed, full_name, birth_date FROM participant
                WHERE identity_status = %s ORDER BY created_at LIMIT ?
                """.formatted(IdentityStatus.AWAITING.sql()))
                .param(size)
                .query((rs, i) -> new Awaiting(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
        int verified = 0;
        int rejected = 0;
        for (var a : batch) {
            var verdict = registry.check(new Nik(secrets.open(a.nikSealed())), a.fullName(), a.birthDate());
            switch (verdict) {
                case UNAVAILABLE -> {
                    log.info("identity recheck stopped: registry unavailable verified={} rejected={}", verified, rejected);
                    return new Round(verified, rejected, true);
                }
                case MATCH -> verified += decide(a.id(), IdentityStatus.VERIFIED) ? 1 : 0;
                case NOT_FOUND, MISMATCH -> rejected += decide(a.id(), IdentityStatus.REJECTED) ? 1 : 0;
            }
        }
        return new Round(verified, rejected, false);
    }

    private boolean decide(UUID id, IdentityStatus decision) {
        if (!IdentityStatus.AWAITING.canMoveTo(decision)) {
            throw new IllegalArgumentException("not a decision: " + decision);
        }
        return Boolean.TRUE.equals(tx.execute(s -> {
            // the guard on AWAITING makes a second run (another instance, a retry) a no-op
            int moved = db.sql("""
                    UPDATE participant
                    SET identity_status = ?, nik_sealed = NULL, identity_checked_at = ?,
                        nik_hash = CASE WHEN ? THEN ? ELSE nik_hash END
                    WHERE id = ? AND identity_status = %s
                    """.formatted(IdentityStatus.AWAITING.sql()))
                    .params(decision.name(), Timestamp.from(clock.instant()), decision == IdentityStatus.REJECTED,
                            hashing.hash("nik-released", id.toString()), id)
                    .update();
            if (moved == 0) {
                return false;
            }
            if (decision == IdentityStatus.REJECTED) {
                notifications.send(Message.sms(id, "sms.identity-rejected"));
                notifications.inApp(id, Notice.of("IDENTITY_REJECTED"));
            }
            log.info("identity decided participant={} identity={}", id, decision);
            return true;
        }));
    }
}
