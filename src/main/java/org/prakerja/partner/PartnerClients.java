package org.prakerja.partner;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.prakerja.common.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Partner clients and their HMAC secrets (kept encrypted). Every method is one statement, so
 * none opens a transaction of its own: every partner request looks its partner up before its
 * own transaction starts, and from the cache that takes no connection at all.
 */
@Service
public class PartnerClients {

    /** A partner with its secret, for the sandbox's listing only. */
    public record Credentials(String partnerId, PartnerRole role, String name, String secret) {
        @Override
        public String toString() {
            return "Credentials[partnerId=" + partnerId + ", secret=****]";
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient db;
    private final SecretBox box;

    PartnerClients(JdbcClient db, SecretBox box) {
        this.db = db;
        this.box = box;
    }

    /** Registers a partner with a fresh random secret, unless it exists. */
    public void register(String id, PartnerRole role, String name) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        db.sql("""
                INSERT INTO partner_client (id, role, name, secret_encrypted, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """)
                .params(id, role.name(), name, box.seal(secret), Timestamp.from(Instant.now()))
                .update();
    }

    public List<Credentials> all() {
        return db.sql("SELECT id, role, name, secret_encrypted FROM partner_client ORDER BY role DESC, id")
                .query((rs, i) -> new Credentials(rs.getString(1), PartnerRole.valueOf(rs.getString(2)), rs.getString(3),
                        box.open(rs.getBytes(4))))
                .list();
    }

    /**
     * The credentials of a partner, from a cache of 60 seconds: every partner request needs them,
     * and a rotated secret takes effect within a minute. An unknown partner is not kept: it is
     * read again each time, and found as soon as it is registered.
     */
    Optional<Credentials> find(String id) {
        return Optional.ofNullable(cache.get(id, key -> load(key).orElse(null)));
    }

    private final Cache<String, Credentials> cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(60)).build();

    private Optional<Credentials> load(String id) {
        return db.sql("SELECT id, role, name, secret_encrypted FROM partner_client WHERE id = ?")
                .param(id)
                .query((rs, i) -> new Credentials(rs.getString(1), PartnerRole.valueOf(rs.getString(2)), rs.getString(3),
                        box.open(rs.getBytes(4))))
                .optional();
    }
}
