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
 * ({@code web/RequestThrottle}) is the other half: it slows one guesser trying many emails.
 *
 * <p>An attempt is counted as a failure <em>before</em> its password is checked ({@link #begin}),
 * under a lock on its login name, and only turned back when the password was right: attempts in
 * flight fill the window like failures, so at most {@code maxFailures} passwords are ever checked
 * per window, however many arrive at once. Nothing is held while the password is hashed.
 * The current-password check of a password change is guarded alike, under a name of its own.
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

    /**
     * Counts an attempt, to be checked next; or, when the login is locked or its window is full of
     * failures and attempts in flight, how long to wait (and the attempt is not checked at all).
     */
    Optional<Duration> begin(String loginName) {
        byte[] key = key(loginName);
        Instant now = clock.instant();
        lock(key);
        var locked = db.sql("SELECT locked_until FROM login_lock WHERE login_key = ? AND locked_until > ?")
                .params(key, Timestamp.from(now))
                .query(Timestamp.class).optional()
                .map(until -> Duration.between(now, until.toInstant()));
        if (locked.isPresent()) {
            return locked;
        }
        db.sql("DELETE FROM login_failure WHERE login_key = ? AND failed_at <= ?")
                .params(key, Timestamp.from(now.minus(rules.window()))).update();
        long counted = db.sql("SELECT count(*) FROM login_failure WHERE login_key = ?").param(key)
                .query(Long.class).single();
        if (counted >= rules.maxFailures()) {
            // the window is full of attempts still being checked: as good as locked
            return Optional.of(rules.lockFor());
        }
        db.sql("INSERT INTO login_failure (login_key, failed_at) VALUES (?, ?)").params(key, Timestamp.from(now)).update();
        return Optional.empty();
    }

    /** The attempt {@link #begin} counted had a wrong password: it stays counted. True when it locked the login. */
    boolean failed(String loginName) {
        byte[] key = key(loginName);
        lock(key);
        long failures = db.sql("SELECT count(*) FROM login_failure WHERE login_key = ?").param(key)
                .query(Long.class).single();
        if (failures < rules.maxFailures()) {
            return false;
        }
        db.sql("""
                INSERT INTO login_lock (login_key, locked_until) VALUES (?, ?)
                ON CONFLICT (login_key) DO UPDATE SET locked_until = excluded.locked_until
                """).params(key, Timestamp.from(clock.instant().plus(rules.lockFor()))).update();
        // the failures that locked it are spent: after the lock the count starts again
        db.sql("DELETE FROM login_failure WHERE login_key = ?").param(key).update();
        return true;
    }

    /** A right password clears the count of wrong ones, its own attempt's included. */
    void succeeded(String loginName) {
        db.sql("DELETE FROM login_failure WHERE login_key = ?").param(key(loginName)).update();
    }

    /** One attempt at a time per login name, for the count and the insert: concurrent ones must each see the others. */
    private void lock(byte[] key) {
        db.sql("SELECT pg_advisory_xact_lock(hashtextextended(encode(?, 'hex'), 83))").param(key)
                .query((rs, i) -> 1).single();
    }

    private static byte[] key(String loginName) {
        return Credentials.sha256(loginName.strip().toLowerCase(Locale.ROOT));
    }
}
