package org.prakerja.login;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.prakerja.audit.Actor;
import org.prakerja.audit.AuditTrail;
import org.prakerja.database.QueuedWrites;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notifications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-82 password reset by an emailed single-use link. Asking answers the same whether or not the
 * email has an account (the caller says 202 either way, and both ways cost one look-up and a
 * commit: the writes are queued, and the email goes out later, from the outbox). The link's token has 256 random bits; only its SHA-256 is
 * stored. Using it sets the password, uses the token up and ends every session of the account, in
 * one transaction; a refused new password leaves the link working.
 */
@Service
class PasswordResets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final PasswordEncoder passwords;
    private final Credentials credentials;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final LoginSettings settings;
    private final Clock clock;
    private final QueuedWrites writes;

    PasswordResets(JdbcClient db, QueuedWrites writes, TransactionTemplate tx, PasswordEncoder passwords, Credentials credentials,
            Notifications notifications, AuditTrail audit, LoginSettings settings, Clock clock) {
        this.db = db;
        this.writes = writes;
        this.tx = tx;
        this.passwords = passwords;
        this.credentials = credentials;
        this.notifications = notifications;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends a reset link if an account has this email; says nothing either way. */
    public void request(String email) {
        String token = newToken();
        tx.executeWithoutResult(status -> {
            var account = db.sql("SELECT id, email FROM credential WHERE lower(email) = lower(?)").param(email.strip())
                    .query((rs, i) -> new Account(rs.getObject(1, UUID.class), rs.getString(2))).optional();
            if (account.isEmpty()) {
                audit.record(Actor.byEmail(email), "PASSWORD_RESET_REQUESTED", "account:" + email,
                        "no account has this email; nothing sent");
                return;
            }
            Instant now = clock.instant();
            // queued like the email and the audit entry: both answers then cost the same two round
            // trips (the look-up and the commit), so their timing does not tell them apart
            writes.queue("INSERT INTO password_reset (token_hash, credential_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                    Credentials.sha256(token), account.get().id(), Timestamp.from(now),
                    Timestamp.from(now.plus(settings.passwordResetLifetime())));
            notifications.send(Message.emailTo(account.get().email(), "email.password-reset", link(token),
                    settings.passwordResetLifetime().toMinutes()).asSensitive());
            audit.record(Actor.byEmail(account.get().email()), "PASSWORD_RESET_REQUESTED",
                    "account:" + account.get().email(), "link sent");
        });
    }

    /**
     * Whether a reset link's token still works (known, unused, unexpired): the page says so before
     * a person chooses a new password for nothing. {@link #complete} checks again.
     */
    public boolean usable(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return false;
        }
        return db.sql("SELECT count(*) FROM password_reset WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(Credentials.sha256(token), Timestamp.from(clock.instant())).query(Long.class).single() > 0;
    }

    /** Sets a new password with the token of a reset link. */
    public ResetResult complete(String token, String newPassword) {
        if (token == null || token.length() > 100) {
            return new ResetResult.TokenInvalid();
        }
        byte[] hash = Credentials.sha256(token);
        var account = db.sql("""
                SELECT c.id, c.email FROM password_reset r JOIN credential c ON c.id = r.credential_id
                WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ?
                """).params(hash, Timestamp.from(clock.instant()))
                .query((rs, i) -> new Account(rs.getObject(1, UUID.class), rs.getString(2))).optional();
        if (account.isEmpty()) {
            return new ResetResult.TokenInvalid();
        }
        var refusal = PasswordPolicy.weakness(newPassword, account.get().email());
        if (refusal.isPresent()) {
            return new ResetResult.PasswordRefused(refusal.get());
        }
        // the slow part, before the transaction
        String passwordHash = passwords.encode(newPassword);
        return tx.execute(status -> {
            // single use: of two concurrent uses of one link only one finds it unused
            var used = db.sql("""
                    UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                    RETURNING credential_id
                    """).params(Timestamp.from(clock.instant()), hash, Timestamp.from(clock.instant()))
                    .query(UUID.class).optional();
            if (used.isEmpty()) {
                return new ResetResult.TokenInvalid();
            }
            UUID id = used.get();
            db.sql("UPDATE credential SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
            // the account's other links die with this one: whoever asked for them has the password now
            db.sql("UPDATE password_reset SET used_at = ? WHERE credential_id = ? AND used_at IS NULL")
                    .params(Timestamp.from(clock.instant()), id).update();
            credentials.endEverySession(id);
            audit.record(Actor.byEmail(account.get().email()), "PASSWORD_RESET_COMPLETED",
                    "account:" + account.get().email(), "every session ended");
            return new ResetResult.Done();
        });
    }

    private String link(String token) {
        String base = settings.baseUrl().endsWith("/") ? settings.baseUrl().substring(0, settings.baseUrl().length() - 1)
                : settings.baseUrl();
        return base + "/reset-password?token=" + token;
    }

    private static String newToken() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private record Account(UUID id, String email) {
    }
}
