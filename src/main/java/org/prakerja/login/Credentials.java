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

    Credentials(JdbcClient db, PasswordEncoder passwords, Clock clock, ProgramRules rules, LoginGuard guard,
            AuditTrail audit, LoginSettings settings, ApplicationEventPublisher events, WebSessions webSessions) {
        this.db = db;
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
     * checks a login, counting a wrong password against the email and refusing while the
     * email is locked (even the right password). Every attempt, and a lock it causes, is recorded
     * for audit in this transaction. The bearer-token API and the web portal's form login both
     * sign in through here; neither issues anything yet.
     */
    public LoginResult authenticate(String email, String rawPassword) {
        var locked = guard.lockedFor(email);
        if (locked.isPresent()) {
            audit.record(Actor.byEmail(email), "LOGIN_REFUSED", "account:" + email, "LOGIN_LOCKED");
            return new LoginResult.Locked(locked.get());
        }
        var found = db.sql("SELECT id, password_hash, subject_id, role, email FROM credential WHERE lower(email) = lower(?)")
                .param(email)
                .query((rs, i) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2),
                        new CurrentUser(rs.getObject(3, UUID.class), Role.valueOf(rs.getString(4)), rs.getString(5))))
                .optional();
        if (found.isEmpty()) {
            passwords.matches(rawPassword, decoyHash);
            return refused(email, null);
        }
        var stored = found.get();
        if (!passwords.matches(rawPassword, stored.hash())) {
            return refused(email, stored.user());
        }
        if (passwords.upgradeEncoding(stored.hash())) {
            // made with weaker Argon2 settings than today's: the password is at hand only now
            db.sql("UPDATE credential SET password_hash = ? WHERE id = ?")
                    .params(passwords.encode(rawPassword), stored.id()).update();
        }
        guard.succeeded(email);
        audit.record(stored.user().asActor(), "LOGIN_SUCCEEDED", "account:" + stored.user().email(), null);
        return new LoginResult.Authenticated(stored.id(), stored.user());
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
     * a shared phone must not be enough to take the account over. The account's bearer tokens and its
     * other portal sessions end with the old password; {@code keptSession}, the one the person is
     * using, stays. The caller has checked the new one against {@link PasswordPolicy}. Recorded for
     * audit like a reset.
     */
    public boolean changePassword(UUID subjectId, String currentPassword, String newPassword, String keptSession) {
        var stored = db.sql("SELECT id, password_hash, subject_id, role, email FROM credential WHERE subject_id = ?")
                .param(subjectId)
                .query((rs, i) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2),
                        new CurrentUser(rs.getObject(3, UUID.class), Role.valueOf(rs.getString(4)), rs.getString(5))))
                .optional();
        if (stored.isEmpty() || !passwords.matches(currentPassword, stored.get().hash())) {
            return false;
        }
        db.sql("UPDATE credential SET password_hash = ? WHERE id = ?")
                .params(passwords.encode(newPassword), stored.get().id()).update();
        db.sql("DELETE FROM api_session WHERE credential_id = ?").param(stored.get().id()).update();
        webSessions.endAllBut(subjectId, keptSession);
        audit.record(stored.get().user().asActor(), "PASSWORD_CHANGED", "account:" + stored.get().user().email(), null);
        return true;
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
