package org.prakerja.access;

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
import org.prakerja.common.ProgramRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Login credentials and bearer-token sessions of participants and operators. */
@Service
@Transactional
public class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Duration sessionLifetime;
    // compared against when the email is unknown, so both answers take the same time
    private final String decoyHash;

    Accounts(JdbcClient db, PasswordEncoder passwords, Clock clock, ProgramRules rules) {
        this.db = db;
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

    public Optional<IssuedSession> login(String email, String rawPassword) {
        var found = verify(email, rawPassword);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(issue(found.get().credentialId()));
    }

    /** The account behind an email and password, for the portal's form login; empty when either is wrong. */
    public Optional<CurrentUser> authenticate(String email, String rawPassword) {
        return verify(email, rawPassword).map(Verified::user);
    }

    private record Verified(UUID credentialId, String passwordHash, CurrentUser user) {
    }

    private Optional<Verified> verify(String email, String rawPassword) {
        var found = db.sql("SELECT id, password_hash, subject_id, role, email FROM credential WHERE lower(email) = lower(?)")
                .param(email)
                .query((rs, i) -> new Verified(rs.getObject(1, UUID.class), rs.getString(2),
                        new CurrentUser(rs.getObject(3, UUID.class), Role.valueOf(rs.getString(4)), rs.getString(5))))
                .optional();
        if (found.isEmpty()) {
            passwords.matches(rawPassword, decoyHash);
            return Optional.empty();
        }
        String hash = found.get().passwordHash();
        if (!passwords.matches(rawPassword, hash)) {
            return Optional.empty();
        }
        if (passwords.upgradeEncoding(hash)) {
            // made with weaker Argon2 settings than today's: the password is at hand only now
            db.sql("UPDATE credential SET password_hash = ? WHERE id = ?")
                    .params(passwords.encode(rawPassword), found.get().credentialId()).update();
        }
        return found;
    }

    private IssuedSession issue(UUID credentialId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        // sessions live in real time, not on the sandbox's test clock: moving the program 31 days
        // ahead must not log everybody out
        var expiresAt = db.sql("""
                INSERT INTO api_session (token_hash, credential_id, expires_at, created_at)
                VALUES (?, ?, now() + ?::interval, now()) RETURNING expires_at
                """)
                .params(sha256(token), credentialId, sessionLifetime.toSeconds() + " seconds")
                .query(Timestamp.class)
                .single()
                .toInstant();
        return new IssuedSession(token, expiresAt);
    }

    /**
     * A signed-in person's new password, once the current one is given again: a session left open on
     * a shared phone must not be enough to take the account over. The account's bearer tokens end
     * with the old password; the caller has checked the new one against {@link PasswordPolicy}.
     */
    public boolean changePassword(UUID subjectId, String currentPassword, String newPassword) {
        var email = db.sql("SELECT email FROM credential WHERE subject_id = ?").param(subjectId).query(String.class).optional();
        if (email.isEmpty()) {
            return false;
        }
        var verified = verify(email.get(), currentPassword);
        if (verified.isEmpty() || !verified.get().user().subjectId().equals(subjectId)) {
            return false;
        }
        db.sql("UPDATE credential SET password_hash = ? WHERE id = ?")
                .params(passwords.encode(newPassword), verified.get().credentialId()).update();
        db.sql("DELETE FROM api_session WHERE credential_id = ?").param(verified.get().credentialId()).update();
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
