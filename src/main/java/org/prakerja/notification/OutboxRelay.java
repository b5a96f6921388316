package org.prakerja.notification;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Batches are claimed with {@code FOR UPDATE SKIP LOCKED}, so any
 * number of instances share the work and none sends a message another is sending; the gateway
 * drops a message id it has seen, so a retry after a crash does not send twice.
 */
@Service
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final SmsGateway sms;
    private final EmailGateway email;
    private final Clock clock;

    OutboxRelay(JdbcClient db, TransactionTemplate tx, SmsGateway sms, EmailGateway email, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.sms = sms;
        this.email = email;
        this.clock = clock;
    }

    /** Relays until the outbox is empty; returns how many messages were sent. */
    public long relayAll() {
        long sent = 0;
        int batch;
        do {
            batch = relayBatch(500);
            sent += batch;
        } while (batch > 0);
        return sent;
    }

    public long pending() {
        return db.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL").query(Long.class).single();
    }

    int relayBatch(int size) {
        Integer n = tx.execute(status -> {
            var batch = db.sql("""
                    SELECT id, channel, recipient, subject, body FROM outbox
                    WHERE sent_at IS NULL AND attempts < 10 ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
                    """)
                    .param(size)
                    .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)))
                    .list();
            int sent = 0;
            for (Row row : batch) {
                try {
                    if (row.channel().equals("SMS")) {
                        sms.send(row.id(), row.recipient(), row.body());
                    } else {
                        email.send(row.id(), row.recipient(), row.subject(), row.body());
                    }
                    db.sql("""
                            UPDATE outbox SET sent_at = ?, attempts = attempts + 1,
                                body = CASE WHEN sensitive THEN NULL ELSE body END
                            WHERE id = ?
                            """)
                            .params(Timestamp.from(clock.instant()), row.id())
                            .update();
                    sent++;
                } catch (RuntimeException e) {
                    log.warn("message not sent outboxId={} channel={} error={}", row.id(), row.channel(),
                            e.getClass().getSimpleName());
                    db.sql("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")
                            .params(e.getClass().getSimpleName(), row.id())
                            .update();
                }
            }
            return sent;
        });
        return n == null ? 0 : n;
    }

    private record Row(long id, String channel, String recipient, String subject, String body) {
    }
}
