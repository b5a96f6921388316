package org.prakerja.database;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.prakerja.common.UnsafeConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on a database that was written differently: a sandbox database (public keys,
 * demo logins anyone can read in the README, demo partners) under a real deployment or the
 * reverse, or a database written with other keys (its card numbers would not decrypt, its NIK
 * hashes would not match). The first start records what the database is.
 */
@Component
class DeploymentGuard {

    DeploymentGuard(JdbcClient db, Environment environment,
            @Value("${prakerja.security.pii-key}") String piiKey,
            @Value("${prakerja.security.secret-key}") String secretKey,
            @Value("${prakerja.deployment.guard:true}") boolean enabled) {
        if (!enabled) {
            return;
        }
        boolean sandbox = environment.acceptsProfiles(Profiles.of("sandbox"));
        byte[] piiCheck = check(piiKey.getBytes(StandardCharsets.UTF_8));
        byte[] secretCheck = check(Base64.getDecoder().decode(secretKey.trim()));
        db.sql("""
                INSERT INTO deployment (sandbox, pii_key_check, secret_key_check) VALUES (?, ?, ?)
                ON CONFLICT (singleton) DO NOTHING
                """).params(sandbox, piiCheck, secretCheck).update();
        var recorded = db.sql("SELECT sandbox, pii_key_check, secret_key_check FROM deployment")
                .query((rs, i) -> new Recorded(rs.getBoolean(1), rs.getBytes(2), rs.getBytes(3))).single();
        if (recorded.sandbox() && !sandbox) {
            throw new UnsafeConfiguration("This database holds the sandbox's demo data (demo operator logins and"
                    + " partners whose passwords and secrets are public), written with the public sandbox keys.",
                    "Give the service its own database: set PRAKERJA_DB_URL, or prakerja.db.embedded.data-dir to a new"
                            + " folder; or start the sandbox with --spring.profiles.active=sandbox.");
        }
        if (!recorded.sandbox() && sandbox) {
            throw new UnsafeConfiguration("This database belongs to a real deployment; the sandbox would add demo"
                    + " logins with public passwords to it.",
                    "Start the sandbox on its own database (the default data/postgres folder, or another"
                            + " prakerja.db.embedded.data-dir).");
        }
        if (!MessageDigest.isEqual(recorded.piiKeyCheck(), piiCheck)) {
            throw new UnsafeConfiguration("PRAKERJA_PII_KEY is not the key this database was written with: NIK, KK"
                    + " and code hashes would no longer match.", "Start the service with the key it was first started with.");
        }
        if (!MessageDigest.isEqual(recorded.secretKeyCheck(), secretCheck)) {
            throw new UnsafeConfiguration("PRAKERJA_SECRET_KEY is not the key this database was written with: card"
                    + " numbers and partner secrets would not decrypt.", "Start the service with the key it was first started with.");
        }
    }

    private record Recorded(boolean sandbox, byte[] piiKeyCheck, byte[] secretKeyCheck) {
    }

    /** A value that tells two keys apart without revealing either. */
    private static byte[] check(byte[] key) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal("prakerja deployment key check".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
