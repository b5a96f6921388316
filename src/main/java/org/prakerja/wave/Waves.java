package org.prakerja.wave;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R-20 waves and their states. */
@Service
@Transactional
public class Waves {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final Clock clock;

    Waves(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates a DRAFT wave with a fresh random seed; its hash is public from now on. */
    public WaveChange create(int number, int quota, Instant opens, Instant closes, Instant announcement) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String seed = HexFormat.of().formatHex(raw);
        int inserted = db.sql("""
                INSERT INTO wave (number, quota, join_opens_at, join_closes_at, announcement_at, status, seed, seed_hash, created_at)
                VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?) ON CONFLICT (number) DO NOTHING
                """)
                .params(number, quota, Timestamp.from(opens), Timestamp.from(closes), Timestamp.from(announcement),
                        seed, sha256Hex(seed), Timestamp.from(clock.instant()))
                .update();
        return inserted == 1 ? new WaveChange.Changed(find(number).orElseThrow())
                : new WaveChange.Refused(WaveRefusal.WAVE_EXISTS);
    }

    /** An operator's move to OPEN or CLOSED; anything else is 409 ILLEGAL_TRANSITION. */
    public WaveChange transition(int number, WaveStatus to) {
        var wave = find(number);
        if (wave.isEmpty()) {
            return new WaveChange.Refused(WaveRefusal.WAVE_NOT_FOUND);
        }
        if (!WaveStatus.MANUAL.contains(to) || !moveIfIn(number, wave.get().status(), to)) {
            return new WaveChange.Refused(WaveRefusal.ILLEGAL_TRANSITION);
        }
        return new WaveChange.Changed(find(number).orElseThrow());
    }

    /** Moves the wave from {@code from} to {@code to} if it is still in {@code from}. */
    boolean moveIfIn(int number, WaveStatus from, WaveStatus to) {
        if (!from.canMoveTo(to)) {
            return false;
        }
        return db.sql("UPDATE wave SET status = ? WHERE number = ? AND status = ?")
                .params(to.name(), number, from.name()).update() == 1;
    }

    @Transactional(readOnly = true)
    public Optional<Wave> find(int number) {
        return db.sql("SELECT * FROM wave WHERE number = ?").param(number).query(Waves::map).optional();
    }

    Optional<Wave> lock(int number) {
        return db.sql("SELECT * FROM wave WHERE number = ? FOR UPDATE").param(number).query(Waves::map).optional();
    }

    @Transactional(readOnly = true)
    public List<Wave> list(int offset, int limit) {
        return db.sql("SELECT * FROM wave ORDER BY number DESC OFFSET ? LIMIT ?").params(offset, limit)
                .query(Waves::map).list();
    }

    @Transactional(readOnly = true)
    public long count() {
        return db.sql("SELECT count(*) FROM wave").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<Wave> currentlyOpen() {
        return db.sql("SELECT * FROM wave WHERE status = 'OPEN' ORDER BY number DESC LIMIT 1").query(Waves::map).optional();
    }

    @Transactional(readOnly = true)
    public int nextNumber() {
        return db.sql("SELECT coalesce(max(number), 0) + 1 FROM wave").query(Integer.class).single();
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Wave map(ResultSet rs, int i) throws SQLException {
        return Wave.of(rs.getInt("number"), WaveStatus.valueOf(rs.getString("status")), rs.getInt("quota"),
                rs.getTimestamp("join_opens_at").toInstant(), rs.getTimestamp("join_closes_at").toInstant(),
                rs.getTimestamp("announcement_at").toInstant(), rs.getString("seed_hash"), rs.getString("seed"));
    }
}
