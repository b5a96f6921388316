package org.prakerja.registration;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.prakerja.common.ProgramRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** R-12 one-time codes for email and phone: 6 digits, hashed, limited life and tries. */
@Component
class VerificationCodes {

    enum Channel { EMAIL, SMS }

    enum CodeCheck { VERIFIED, INVALID, EXPIRED, LOCKED }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final PiiHashing hashing;
    private final Clock clock;
    private final ProgramRules rules;

    VerificationCodes(JdbcClient db, PiiHashing hashing, Clock clock, ProgramRules rules) {
        this.db = db;
        this.hashing = hashing;
        this.clock = clock;
        this.rules = rules;
    }

    java.time.Duration lifetime() {
        return rules.verificationCodeLifetime();
    }

    /** Issues fresh codes for both channels (replacing earlier ones) in one statement; returns them for sending. */
    Map<Channel, String> issueBoth(UUID participantId) {
        Map<Channel, String> codes = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            codes.put(channel, "%06d".formatted(RANDOM.nextInt(1_000_000)));
        }
        var expires = Timestamp.from(clock.instant().plus(rules.verificationCodeLifetime()));
        db.sql("""
                INSERT INTO verification_code (participant_id, channel, code_hash, expires_at)
                VALUES (?, 'EMAIL', ?, ?), (?, 'SMS', ?, ?)
                ON CONFLICT (participant_id, channel) DO UPDATE
                SET code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts = 0, used_at = NULL
                """)
                .params(participantId, hash(participantId, Channel.EMAIL, codes.get(Channel.EMAIL)), expires,
                        participantId, hash(participantId, Channel.SMS, codes.get(Channel.SMS)), expires)
                .update();
        return codes;
    }

    CodeCheck check(UUID participantId, Channel channel, String code) {
        var row = db.sql("""
                SELECT code_hash, expires_at, attempts, used_at FROM verification_code
                WHERE participant_id = ? AND channel = ? FOR UPDATE
                """)
                .params(participantId, channel.name())
                .query((rs, i) -> new Row(rs.getBytes(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                        rs.getTimestamp(4) != null))
                .optional();
        if (row.isEmpty() || row.get().used()) {
            return CodeCheck.INVALID;
        }
        var r = row.get();
        if (r.attempts() >= rules.verificationMaxAttempts()) {
            return CodeCheck.LOCKED;
        }
        if (!clock.instant().isBefore(r.expiresAt())) {
            return CodeCheck.EXPIRED;
        }
        if (!MessageDigest.isEqual(r.codeHash(), hash(participantId, channel, code))) {
            db.sql("UPDATE verification_code SET attempts = attempts + 1 WHERE participant_id = ? AND channel = ?")
                    .params(participantId, channel.name()).update();
            return r.attempts() + 1 >= rules.verificationMaxAttempts() ? CodeCheck.LOCKED : CodeCheck.INVALID;
        }
        db.sql("UPDATE verification_code SET used_at = ? WHERE participant_id = ? AND channel = ?")
                .params(Timestamp.from(clock.instant()), participantId, channel.name()).update();
        return CodeCheck.VERIFIED;
    }

    private byte[] hash(UUID participantId, Channel channel, String code) {
        return hashing.hash("verification", participantId + ":" + channel + ":" + code);
    }

    private record Row(byte[] codeHash, java.time.Instant expiresAt, int attempts, boolean used) {
    }
}
