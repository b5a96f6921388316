package org.prakerja.notification;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.prakerja.common.SecretBox;
import org.prakerja.database.QueuedWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * every message is written to the outbox in the caller's transaction, so it exists
 * exactly when the change that caused it does; the relay sends it afterwards. Messages go to a
 * participant by id: the relay finds the phone or email when it sends, so callers need no address
 * and the request paths spend no round trip looking one up. Only someone who is not a participant
 * (an operator, a member of the public) gets an email at an address ({@link Message#emailTo}).
 * A sensitive body (a code, a reset link) is written sealed ({@link SecretBox}), never in plain text.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Notifications {

    private final JdbcClient db;
    private final QueuedWrites writes;
    private final Texts texts;
    private final SecretBox box;
    private final Clock clock;

    Notifications(JdbcClient db, QueuedWrites writes, Texts texts, SecretBox box, Clock clock) {
        this.db = db;
        this.writes = writes;
        this.texts = texts;
        this.box = box;
        this.clock = clock;
    }

    /** Queued: it reaches the outbox with the transaction's next statement or its commit. */
    public void send(Message message) {
        var rendered = render(message);
        writes.queue("""
                INSERT INTO outbox (participant_id, recipient, channel, subject, body, sealed_body, sensitive, locale, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, message.participantId(), message.address(), message.channel().name(), rendered.subject(),
                message.sensitive() ? null : rendered.body(), message.sensitive() ? box.seal(rendered.body()) : null,
                message.sensitive(), Texts.PARTICIPANT_LANGUAGE.toLanguageTag(), now());
    }

    /** One statement for a batch (announcement day sends hundreds of thousands). */
    public void sendAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        var rendered = messages.stream().map(this::render).toList();
        db.sql("""
                INSERT INTO outbox (participant_id, recipient, channel, subject, body, sealed_body, sensitive, locale, created_at)
                SELECT p, r, c, s, b, decode(k, 'base64'), x, ?, ?
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[]) AS m(p, r, c, s, b, k, x)
                """)
                .params(Texts.PARTICIPANT_LANGUAGE.toLanguageTag(), now(),
                        messages.stream().map(Message::participantId).toArray(UUID[]::new),
                        messages.stream().map(Message::address).toArray(String[]::new),
                        messages.stream().map(m -> m.channel().name()).toArray(String[]::new),
                        rendered.stream().map(Rendered::subject).toArray(String[]::new),
                        java.util.stream.IntStream.range(0, messages.size())
                                .mapToObj(i -> messages.get(i).sensitive() ? null : rendered.get(i).body()).toArray(String[]::new),
                        java.util.stream.IntStream.range(0, messages.size())
                                .mapToObj(i -> messages.get(i).sensitive()
                                        ? java.util.Base64.getEncoder().encodeToString(box.seal(rendered.get(i).body())) : null)
                                .toArray(String[]::new),
                        messages.stream().map(Message::sensitive).toArray(Boolean[]::new))
                .update();
    }

    /** Queued, like {@link #send}. */
    public void inApp(UUID participantId, Notice notice) {
        writes.queue("INSERT INTO in_app_notification (participant_id, kind, args, created_at) VALUES (?, ?, ?, ?)",
                participantId, notice.kind(), notice.args().toArray(String[]::new), now());
    }

    /** One statement for a batch, every participant the same notice. */
    public void inAppAll(List<UUID> participantIds, Notice notice) {
        if (participantIds.isEmpty()) {
            return;
        }
        db.sql("""
                INSERT INTO in_app_notification (participant_id, kind, args, created_at)
                SELECT p, ?, ?::text[], ? FROM unnest(?::uuid[]) AS p
                """)
                .params(notice.kind(), notice.args().toArray(String[]::new), now(), participantIds.toArray(UUID[]::new))
                .update();
    }

    /**
     * The participant has read their notices up to {@code upTo}, the newest the page showed; a notice
     * that arrived after the page was drawn stays unread. Answers how many were marked.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public int markRead(UUID participantId, long upTo) {
        return db.sql("UPDATE in_app_notification SET read_at = ? WHERE participant_id = ? AND id <= ? AND read_at IS NULL")
                .params(now(), participantId, upTo).update();
    }

    /** The latest notices, in the reader's language. */
    @Transactional(readOnly = true, propagation = Propagation.REQUIRED)
    public List<InAppNotification> latestFor(UUID participantId, int limit, Locale language) {
        return db.sql("""
                SELECT id, kind, args, text, created_at, read_at IS NOT NULL AS read
                FROM in_app_notification WHERE participant_id = ? ORDER BY id DESC LIMIT ?
                """)
                .params(participantId, limit)
                .query((rs, i) -> new InAppNotification(rs.getLong("id"), rs.getString("kind"),
                        text(rs.getString("kind"), rs.getArray("args"), rs.getString("text"), language),
                        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("read")))
                .list();
    }

    private String text(String kind, Array args, String stored, Locale language) throws SQLException {
        if (args == null) {
            // written before notices had arguments: its Indonesian text is all there is
            return stored;
        }
        var values = Arrays.asList((String[]) args.getArray());
        return texts.renderOr("notice." + kind, values, language, stored == null ? kind : stored);
    }

    private Rendered render(Message m) {
        var language = Texts.PARTICIPANT_LANGUAGE;
        return switch (m.channel()) {
            case SMS -> new Rendered(null, texts.render(m.key(), m.args(), language));
            case EMAIL -> new Rendered(texts.render(m.key() + ".subject", m.args(), language),
                    texts.render(m.key() + ".body", m.args(), language));
        };
    }

    private record Rendered(String subject, String body) {
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
