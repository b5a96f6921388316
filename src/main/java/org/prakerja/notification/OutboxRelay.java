package org.prakerja.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Batches are claimed with {@code FOR UPDATE SKIP LOCKED}, so any
 * number of instances share the work and none sends a message another is sending. A message the
 * gateway accepted is marked sent in the transaction that holds its row lock, so no later round
 * sends it again; only a crash between the gateway's acceptance and that commit can (the gateway
 * gets the outbox id to drop a repeat). A failed send waits before its next try, twice as long
 * after each failure, for at most {@value #MAX_ATTEMPTS} tries.
 *
 * <p>The address is found here, not when the message is written: the batch query joins
 * registration's {@code participant_contact} view, so the request paths that write messages
 * spend no round trip on it.
 */
@Service
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final int MAX_ATTEMPTS = 10;

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final SmsGateway sms;
    private final EmailGateway email;
    private final MailLayout layout;
    private final Clock clock;
    private final Duration retryDelay;

    OutboxRelay(JdbcClient db, TransactionTemplate tx, SmsGateway sms, EmailGateway email, MailLayout layout,
            Clock clock, @Value("${prakerja.notification.retry-delay:PT30S}") Duration retryDelay) {
        this.db = db;
        this.tx = tx;
        this.sms = sms;
        this.email = email;
        this.layout = layout;
        this.clock = clock;
        this.retryDelay = retryDelay;
    }

    /** Relays until no message is due; returns how many messages were sent. */
    public long relayAll() {
        long sent = 0;
        int batch;
        do {
            batch = relayBatch(500);
            sent += batch;
        } while (batch > 0);
        return sent;
    }

    /** Messages a relay round would try now: unsent, with tries left, and not waiting after a failure. */
    public long pending() {
        return db.sql("""
                SELECT count(*) FROM outbox
                WHERE sent_at IS NULL AND attempts < ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                """)
                .params(MAX_ATTEMPTS, Timestamp.from(clock.instant())).query(Long.class).single();
    }

    int relayBatch(int size) {
        Integer n = tx.execute(status -> {
            Instant now = clock.instant();
            var batch = db.sql("""
                    SELECT o.id, o.channel,
                        coalesce(o.recipient, CASE o.channel WHEN 'SMS' THEN c.phone ELSE c.email END),
                        o.subject, o.body, o.locale, o.attempts
                    FROM outbox o LEFT JOIN participant_contact c ON c.participant_id = o.participant_id
                    WHERE o.sent_at IS NULL AND o.attempts < ? AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)
                    ORDER BY o.id LIMIT ? FOR UPDATE OF o SKIP LOCKED
                    """)
                    .params(MAX_ATTEMPTS, Timestamp.from(now), size)
                    .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Locale.forLanguageTag(rs.getString(6)), rs.getInt(7)))
                    .list();
            int sent = 0;
            for (Row row : batch) {
                try {
                    send(row);
                    db.sql("""
                            UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL,
                                body = CASE WHEN sensitive THEN NULL ELSE body END
                            WHERE id = ?
                            """)
                            .params(Timestamp.from(clock.instant()), row.id())
                            .update();
                    sent++;
                } catch (RuntimeException e) {
                    String error = row.to() == null ? "NO_ADDRESS" : e.getClass().getSimpleName();
                    Instant next = clock.instant().plus(retryDelay.multipliedBy(1L << row.attempts()));
                    // the exception's message may quote the address: only its type is logged
                    log.warn("message not sent outboxId={} channel={} attempt={} error={} nextAttemptAt={}", row.id(),
                            row.channel(), row.attempts() + 1, error, next);
                    db.sql("UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")
                            .params(error, Timestamp.from(next), row.id())
                            .update();
                }
            }
            return sent;
        });
        return n == null ? 0 : n;
    }

    private void send(Row row) {
        if (row.to() == null) {
            throw new IllegalStateException("no address for message " + row.id());
        }
        if (row.channel().equals("SMS")) {
            sms.send(row.id(), row.to(), row.body());
        } else {
            email.send(layout.email(row.id(), row.to(), row.subject(), row.body(), row.language()));
        }
    }

    private record Row(long id, String channel, String to, String subject, String body, Locale language,
            int attempts) {

        @Override
        public String toString() {
            return "Row[" + id + " " + channel + "]";
        }
    }
}
