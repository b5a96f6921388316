package org.prakerja.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The local stand-in for the SMS and email providers: it records what it was asked to send, keyed
 * by message id like a real provider's idempotency key. The sandbox inbox reads these records.
 * It runs only where {@code common/OutsideSystems} puts a stand-in (the sandbox, or a staging
 * deployment that names it), for each channel apart ({@link GatewayConfig}); an email is recorded as
 * its text. Its table exists only there (db/stand-ins).
 */
@Component
@ConditionalOnExpression("'${prakerja.adapters.sms:}' == 'stand-in' or '${prakerja.adapters.email:}' == 'stand-in'")
class LocalGateways {

    private final JdbcClient db;
    private final Clock clock;

    LocalGateways(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<String> send(long messageId, String phone, String body) {
        record(messageId, Message.Channel.SMS, phone, null, body);
        return List.of();
    }

    void sendEmail(Email email) {
        record(email.messageId(), Message.Channel.EMAIL, email.to(), email.subject(), email.text());
    }

    private void record(long id, Message.Channel channel, String to, String subject, String body) {
        db.sql("""
                INSERT INTO gateway_message (outbox_id, channel, recipient, subject, body, sent_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (outbox_id) DO NOTHING
                """)
                .params(id, channel.name(), to, subject, body, Timestamp.from(clock.instant()))
                .update();
    }

    List<SentMessage> sentTo(String recipient, int limit) {
        return db.sql("""
                SELECT channel, recipient, subject, body, sent_at FROM gateway_message
                WHERE recipient = ? ORDER BY sent_at DESC, outbox_id DESC LIMIT ?
                """)
                .params(recipient, limit)
                .query((rs, i) -> new SentMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }
}
