package org.prakerja.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.prakerja.common.db.QueuedWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * every message is written to the outbox in the caller's transaction, so it exists
 * exactly when the change that caused it does; the relay sends it afterwards.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Notifications {

    private final JdbcClient db;
    private final QueuedWrites writes;
    private final Clock clock;

    Notifications(JdbcClient db, QueuedWrites writes, Clock clock) {
        this.db = db;
        this.writes = writes;
        this.clock = clock;
    }

    /** Queued: it reaches the outbox with the transaction's next statement or its commit. */
    public void send(Message message) {
        writes.queue("""
                INSERT INTO outbox (channel, recipient, subject, body, sensitive, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, message.channel().name(), message.to(), message.subject(), message.body(),
                message.sensitive(), now());
    }

    /** One statement for a batch (announcement day sends hundreds of thousands). */
    public void sendAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        db.sql("""
                INSERT INTO outbox (channel, recipient, subject, body, sensitive, created_at)
                SELECT c, r, s, b, x, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[]) AS m(c, r, s, b, x)
                """)
                .params(now(),
                        messages.stream().map(m -> m.channel().name()).toArray(String[]::new),
                        messages.stream().map(Message::to).toArray(String[]::new),
                        messages.stream().map(Message::subject).toArray(String[]::new),
                        messages.stream().map(Message::body).toArray(String[]::new),
                        messages.stream().map(Message::sensitive).toArray(Boolean[]::new))
                .update();
    }

    /** Queued, like {@link #send}. */
    public void inApp(UUID participantId, String kind, String text) {
        writes.queue("INSERT INTO in_app_notification (participant_id, kind, text, created_at) VALUES (?, ?, ?, ?)",
                participantId, kind, text, now());
    }

    public void inAppAll(List<UUID> participantIds, String kind, String text) {
        if (participantIds.isEmpty()) {
            return;
        }
        db.sql("""
                INSERT INTO in_app_notification (participant_id, kind, text, created_at)
                SELECT p, ?, ?, ? FROM unnest(?::uuid[]) AS p
                """)
                .params(kind, text, now(), participantIds.toArray(UUID[]::new))
                .update();
    }

    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public List<InAppNotification> latestFor(UUID participantId, int limit) {
        return db.sql("""
                SELECT id, kind, text, created_at, read_at IS NOT NULL AS read
                FROM in_app_notification WHERE participant_id = ? ORDER BY id DESC LIMIT ?
                """)
                .params(participantId, limit)
                .query((rs, i) -> new InAppNotification(rs.getLong("id"), rs.getString("kind"), rs.getString("text"),
                        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("read")))
                .list();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
