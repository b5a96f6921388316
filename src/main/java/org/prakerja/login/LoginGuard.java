package org.prakerja.login;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code maxFailures} wrong passwords for one login name within {@code window} lock it for
 * {@code lockFor}. Counted per email, registered or not (an unknown email locks alike, so the
 * lockout does not tell which emails have accounts), in PostgreSQL (every instance sees the same
 * count), on the program clock (the sandbox can move past a lock). The per-address throttle
 * ({@link RequestThrottle}) is the other half: it slows one guesser trying many emails.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LoginGuard {

    private final JdbcClient db;
    private final Clock clock;
    private final LoginSettings.Lockout rules;

    LoginGuard(JdbcClient db, Clock clock, LoginSettings settings) {
        this.db = db;
        this.clock = clock;
        this.rules = settings.lockout();
    }

    /** How long the login stays locked; empty when it is not. */
    Optional<Duration> lockedFor(String email) {
        Instant now = clock.instant();
        return db.sql("SELECT locked_until FROM login_lock WHERE login_key = ? AND locked_until > ?")
                .params(key(email), Timestamp.from(now))
                .query(Timestamp.class).optional()
                .map(until -> Duration.between(now, until.toInstant()));
    }

    /** Counts a wrong password; true when this one locked the login. */
    boolean failed(String email) {
        byte[] key = key(email);
        Instant now = clock.instant();
        // one attempt at a time per login name: concurrent guesses must not each count only themselves
        db.sql("SELECT pg_advisory_xact_lock(hashtextextended(encode(?, 'hex'), 83))").param(key)
                .query((rs, i) -> 1).single();
        db.sql("DELETE FROM login_failure WHERE login_key = ? AND failed_at <= ?")
                .params(key, Timestamp.from(now.minus(rules.window()))).update();
        db.sql("INSERT INTO login_failure (login_key, failed_at) VALUES (?, ?)").params(key, Timestamp.from(now)).update();
        long failures = db.sql("SELECT count(*) FROM login_failure WHERE login_key = ?").param(key)
                .query(Long.class).single();
        if (failures < rules.maxFailures()) {
            return false;
        }
        db.sql("""
                INSERT INTO login_lock (login_key, locked_until) VALUES (?, ?)
                ON CONFLICT (login_key) DO UPDATE SET locked_until = excluded.locked_until
                """).params(key, Timestamp.from(now.plus(rules.lockFor()))).update();
        // the failures that locked it are spent: after the lock the count starts again
        db.sql("DELETE FROM login_failure WHERE login_key = ?").param(key).update();
        return true;
    }

    /** A right password clears the count of wrong ones. */
    void succeeded(String email) {
        db.sql("DELETE FROM login_failure WHERE login_key = ?").param(key(email)).update();
    }

    private static byte[] key(String email) {
        return Credentials.sha256(email.strip().toLowerCase(Locale.ROOT));
    }
}
