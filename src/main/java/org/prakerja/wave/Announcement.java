package org.prakerja.wave;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.prakerja.card.Cards;
import org.prakerja.job.JobProgress;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notice;
import org.prakerja.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * announcement: cards for the selected with their balance from the fund, an SMS
 * of congratulation, and "Kamu Belum Berhasil" on the dashboard of the others. Works in chunks,
 * each one transaction; several runners share the work (SKIP LOCKED) and a rerun continues where
 * the last stopped.
 */
@Service
public class Announcement {

    private static final Logger log = LoggerFactory.getLogger(Announcement.class);
    private static final int CHUNK = 5_000;

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final Waves waves;
    private final Cards cards;
    private final Notifications notifications;
    private final Clock clock;

    Announcement(JdbcClient db, TransactionTemplate tx, Waves waves, Cards cards, Notifications notifications,
            Clock clock) {
        this.db = db;
        this.tx = tx;
        this.waves = waves;
        this.cards = cards;
        this.notifications = notifications;
        this.clock = clock;
    }

    public void run(int number, JobProgress progress) {
        // a rerun counts what earlier runs announced as done, so its progress reads as the wave's
        var counts = db.sql("""
                SELECT count(*), count(announced_at) FROM application
                WHERE wave_number = ? AND status IN (%s, %s)
                """.formatted(ApplicationStatus.SELECTED.sql(), ApplicationStatus.NOT_SELECTED.sql()))
                .param(number)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        progress.total(counts[0]);
        progress.advance(counts[1]);
        // first share the work with any other runner, skipping the chunks it holds; then wait for
        // those chunks, so a runner that died holding one (its chunk rolled back) leaves no
        // applicant unannounced before the wave is marked ANNOUNCED
        for (boolean skipLocked : new boolean[] {true, false}) {
            for (var status : List.of(ApplicationStatus.SELECTED, ApplicationStatus.NOT_SELECTED)) {
                UUID after = new UUID(0, 0); // the smallest uuid in PostgreSQL's order
                List<UUID> chunk;
                do {
                    UUID from = after;
                    chunk = tx.execute(s -> announceChunk(number, status, from, skipLocked));
                    progress.advance(chunk.size());
                    if (!chunk.isEmpty()) {
                        after = chunk.getLast();
                    }
                } while (!chunk.isEmpty());
            }
        }
        tx.executeWithoutResult(s -> waves.moveIfIn(number, WaveStatus.SELECTED, WaveStatus.ANNOUNCED));
        log.info("announcement done wave={}", number);
    }

    /** One chunk in primary-key order after {@code after}; returns the participants it announced. */
    private List<UUID> announceChunk(int wave, ApplicationStatus status, UUID after, boolean skipLocked) {
        // a chunk is one transaction: its cards, ledger credits, messages and announced_at commit
        // together or not at all, so a rerun never issues a second card or credit
        List<UUID> chunk = db.sql("""
                SELECT participant_id FROM application
                WHERE wave_number = ? AND participant_id > ? AND status = ? AND announced_at IS NULL
                ORDER BY participant_id LIMIT ? FOR UPDATE
                """ + (skipLocked ? " SKIP LOCKED" : ""))
                .params(wave, after, status.name(), status == ApplicationStatus.SELECTED ? CHUNK : 4 * CHUNK)
                .query(UUID.class)
                .list();
        if (chunk.isEmpty()) {
            return chunk;
        }
        if (status == ApplicationStatus.SELECTED) {
            var scheme = waves.schemeOf(wave).orElseThrow();
            cards.issue(chunk, wave, scheme);
            notifications.sendAll(chunk.stream()
                    .map(p -> Message.sms(p, "sms.selected", wave, scheme.firstPurchaseDays()))
                    .toList());
            notifications.inAppAll(chunk, Notice.of("SELECTED", wave));
        } else {
            notifications.inAppAll(chunk, Notice.of("NOT_SELECTED", wave));
        }
        db.sql("UPDATE application SET announced_at = ? WHERE wave_number = ? AND participant_id = ANY(?::uuid[])")
                .params(Timestamp.from(clock.instant()), wave, chunk.toArray(UUID[]::new))
                .update();
        return chunk;
    }
}
