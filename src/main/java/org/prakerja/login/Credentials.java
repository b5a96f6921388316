package org.prakerja.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.prakerja.audit.Actor;
import org.prakerja.audit.AuditTrail;
import org.prakerja.common.ProgramRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Login credentials and bearer-token sessions of participants and operators. */
@Service
@Transactional
public class Credentials {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Duration sessionLifetime;
    // compared against when the email is unknown, so both answers take the same time
    private final String decoyHash;
    private final LoginGuard guard;
    private final AuditTrail audit;
    private final LoginSettings settings;
    private final ApplicationEventPublisher events;
    private final WebSessions webSessions;
    private final TransactionTemplate tx;

    Credentials(JdbcClient db, PasswordEncoder passwords, Clock clock, ProgramRules rules, LoginGuard guard,
            AuditTrail audit, LoginSettings settings, ApplicationEventPublisher events, WebSessions webSessions,
            TransactionTemplate tx) {
        this.db = db;
        this.tx = tx;
        this.webSessions = webSessions;
        this.guard = guard;
        this.audit = audit;
        this.settings = settings;
        this.events = events;
        this.passwords = passwords;
        this.clock = clock;
        this.sessionLifetime = rules.sessionLifetime();
        this.decoyHash = passwords.encode("decoy-" + UUID.randomUUID());
    }

    /** Hashes the password; call outside a transaction where possible, it is the slow part. */
    public String hash(String rawPassword) {
        return passwords.encode(rawPassword);
    }

    public boolean emailTaken(String email) {
        return db.sql("SELECT count(*) FROM credential WHERE lower(email) = lower(?)").param(email)
                .query(Long.class).single() > 0;
    }

    /** Records a credential whose password was hashed with {@link #hash}. False if the email is taken. */
    public boolean create(String email, String passwordHash, Role role, UUID subjectId) {
        return db.sql("""
                INSERT INTO credential (id, email, password_hash, role, subject_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
                .params(UUID.randomUUID(), email, passwordHash, role.name(), subjectId, Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /**
     * checks a login, counting it against the email before the password is checked, and
     * refusing while the email is locked (even the right password) or while its window is full of
     * failures and attempts in flight ({@link LoginGuard}). Every attempt, and a lock it causes, is
     * recorded for audit. Two short transactions around the password check, none during it: the
     * hash is the slow part and must not hold a database connection. The bearer-token API and the
     * web portal's form login both sign in through here; neither issues anything yet.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public LoginResult authenticate(String email, String rawPassword) {
        var counted = tx.execute(s -> {
            var locked = guard.begin(email);
            if (locked.isPresent()) {
                audit.record(Actor.byEmail(email), "LOGIN_REFUSED", "account:" + email, "LOGIN_LOCKED");
                return (Counted) new Counted.Locked(locked.get());
            }
            return new Counted.Found(db.sql("SELECT id, password_hash, subject_id, role, email FROM credential WHERE lower(email) = lower(?)")
                    .param(email).query(Credentials::stored).optional());
        });
        Optional<Stored> found;
        switch (counted) {
            case Counted.Locked(var retryAfter) -> {
                return new LoginResult.Locked(retryAfter);
            }
            case Counted.Found(var stored) -> found = stored;
        }
        if (found.isEmpty()) {
            passwords.matches(rawPassword, decoyHash);
            return tx.execute(s -> refused(email, null));
        }
        var stored = found.get();
        if (!passwords.matches(rawPassword, stored.hash())) {
            return tx.execute(s -> refused(email, stored.user()));
        }
        // made with weaker Argon2 settings than today's: the password is at hand only now
        String upgraded = passwords.upgradeEncoding(stored.hash()) ? passwords.encode(rawPassword) : null;
        return tx.execute(s -> {
            if (upgraded != null) {
                db.sql("UPDATE credential SET password_hash = ? WHERE id = ? AND password_hash = ?")
                        .params(upgraded, stored.id(), stored.hash()).update();
            }
            guard.succeeded(email);
            audit.record(stored.user().asActor(), "LOGIN_SUCCEEDED", "account:" + stored.user().email(), null);
            return new LoginResult.Authenticated(stored.id(), stored.user());
        });
    }

    /** What the first of a login's transactions found: the credential to check, or a lock. */
    private sealed interface Counted {
        record Found(Optional<Stored> stored) implements Counted {
        }

        record Locked(Duration retryAfter) implements Counted {
        }
    }

    private LoginResult refused(String email, CurrentUser known) {
        var actor = known == null ? Actor.byEmail(email) : known.asActor();
        audit.record(actor, "LOGIN_REFUSED", "account:" + email, "BAD_CREDENTIALS");
        if (guard.failed(email)) {
            audit.record(actor, "LOGIN_LOCKED", "account:" + email,
                    "locked for " + settings.lockout().lockFor() + " after " + settings.lockout().maxFailures()
                            + " wrong passwords");
        }
        return new LoginResult.BadCredentials();
    }

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stored(rs.getObject(1, UUID.class), rs.getString(2),
                new CurrentUser(rs.getObject(3, UUID.class), Role.valueOf(rs.getString(4)), rs.getString(5)));
    }

    private record Stored(UUID id, String hash, CurrentUser user) {
        @Override
        public String toString() {
            return "Stored[" + id + "]";
        }
    }

    /** A bearer token for an account that just {@link #authenticate authenticated}. */
    public IssuedSession issueSession(UUID accountId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        // sessions live in real time, not on the sandbox's test clock: moving the program 31 days
        // ahead must not log everybody out
        var expiresAt = db.sql("""
                INSERT INTO api_session (token_hash, credential_id, expires_at, created_at)
                VALUES (?, ?, now() + ?::interval, now()) RETURNING expires_at
                """)
                .params(sha256(token), accountId, sessionLifetime.toSeconds() + " seconds")
                .query(Timestamp.class)
                .single()
                .toInstant();
        return new IssuedSession(token, expiresAt);
    }

    /**
     * ends every session of the account, in the caller's transaction: its bearer tokens are
     * deleted here, and {@link EverySessionEnded} is published for the session stores of other
     * modules (the web portal's) to end theirs in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void endEverySession(UUID accountId) {
        var email = db.sql("SELECT email FROM credential WHERE id = ?").param(accountId).query(String.class).single();
        db.sql("DELETE FROM api_session WHERE credential_id = ?").param(accountId).update();
        events.publishEvent(new EverySessionEnded(accountId, email));
    }

    /**
     * A signed-in person's new password, once the current one is given again: a session left open on
     * a shared phone must not be enough to take the account over, nor to guess the password through
     * this form: its tries are limited as logins are (R-83, under a name of their own, so a locked
     * form does not lock the login). The account's bearer tokens and its other portal sessions end
     * with the old password; {@code keptSession}, the one the person is using, stays. The caller has
     * checked the new one against {@link PasswordPolicy}. Recorded for audit like a reset.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public PasswordChangeResult changePassword(UUID subjectId, String currentPassword, String newPassword,
            String keptSession) {
        String guarded = "password-change:" + subjectId;
        var counted = tx.execute(s -> {
            var locked = guard.begin(guarded);
            if (locked.isPresent()) {
                return (Counted) new Counted.Locked(locked.get());
            }
            return new Counted.Found(db.sql("SELECT id, password_hash, subject_id, role, email FROM credential WHERE subject_id = ?")
                    .param(subjectId).query(Credentials::stored).optional());
        });
        Stored stored;
        switch (counted) {
            case Counted.Locked(var retryAfter) -> {
                return new PasswordChangeResult.Locked(retryAfter);
            }
            case Counted.Found(var found) -> stored = found.orElse(null);
        }
        if (stored == null || !passwords.matches(currentPassword, stored.hash())) {
            tx.executeWithoutResult(s -> {
                guard.failed(guarded);
                if (stored != null) {
                    audit.record(stored.user().asActor(), "PASSWORD_CHANGE_REFUSED", "account:" + stored.user().email(),
                            "WRONG_CURRENT_PASSWORD");
                }
            });
            return new PasswordChangeResult.WrongPassword();
        }
        String newHash = passwords.encode(newPassword);
        return tx.execute(s -> {
            // the password the person proved must still be the one stored
            if (db.sql("UPDATE credential SET password_hash = ? WHERE id = ? AND password_hash = ?")
                    .params(newHash, stored.id(), stored.hash()).update() == 0) {
                return new PasswordChangeResult.WrongPassword();
            }
            guard.succeeded(guarded);
            db.sql("DELETE FROM api_session WHERE credential_id = ?").param(stored.id()).update();
            webSessions.endAllBut(subjectId, keptSession);
            audit.record(stored.user().asActor(), "PASSWORD_CHANGED", "account:" + stored.user().email(), null);
            return new PasswordChangeResult.Changed();
        });
    }

    @Transactional(readOnly = true)
    public Optional<CurrentUser> resolve(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return db.sql("""
                SELECT c.subject_id, c.role, c.email FROM api_session s JOIN credential c ON c.id = s.credential_id
                WHERE s.token_hash = ? AND s.expires_at > now()
                """)
                .param(sha256(token))
                .query((rs, i) -> new CurrentUser(rs.getObject(1, UUID.class), Role.valueOf(rs.getString(2)),
                        rs.getString(3)))
                .optional();
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
