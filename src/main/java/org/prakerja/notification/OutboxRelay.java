package org.prakerja.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. A few messages at a time are claimed for a short lease, and the
 * claim commits before any is sent ({@code FOR UPDATE SKIP LOCKED}), so any number of instances
 * share the work and none sends a message another is sending. Each message is marked sent on its
 * own right after the gateway accepted it, so no later round sends it again; only a crash (or an
 * outage of the database) between one acceptance and its mark can, for that one message (the
 * gateway gets the outbox id to drop a repeat). A failed send waits before its next try, twice as long
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
    /** Messages claimed at once; all of them must be sent within the claim, even over a slow SMTP server. */
    private static final int BATCH = 50;
    /** How long a claim holds: the messages of a relay that died wait this long before another sends them. */
    private static final java.time.Duration CLAIM = java.time.Duration.ofMinutes(2);

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
            batch = relayBatch(BATCH);
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
        Instant now = clock.instant();
        // the claim commits before anything is sent; the claim's time is real time (a lease), the
        // retry's back-off is the program's
        var batch = tx.execute(status -> db.sql("""
                WITH picked AS (
                    SELECT id FROM outbox
                    WHERE sent_at IS NULL AND attempts < ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                      AND (claimed_until IS NULL OR claimed_until < now())
                    ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE outbox o SET claimed_until = now() + ?::interval
                FROM picked WHERE o.id = picked.id
                RETURNING o.id
                """)
                .params(MAX_ATTEMPTS, Timestamp.from(now), size, CLAIM.toSeconds() + " seconds")
                .query(Long.class).list());
        if (batch == null || batch.isEmpty()) {
            return 0;
        }
        int sent = 0;
        for (Row row : rows(batch)) {
            try {
                send(row);
            } catch (RuntimeException e) {
                String error = row.to() == null ? "NO_ADDRESS" : e.getClass().getSimpleName();
                Instant next = clock.instant().plus(retryDelay.multipliedBy(1L << row.attempts()));
                // the exception's message may quote the address: only its type is logged
                log.warn("message not sent outboxId={} channel={} attempt={} error={} nextAttemptAt={}", row.id(),
                        row.channel(), row.attempts() + 1, error, next);
                db.sql("""
                        UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_until = NULL
                        WHERE id = ?
                        """).params(error, Timestamp.from(next), row.id()).update();
                continue;
            }
            // on its own, right after the gateway took it: what is marked is never sent again
            db.sql("""
                    UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL, claimed_until = NULL,
                        body = CASE WHEN sensitive THEN NULL ELSE body END
                    WHERE id = ?
                    """).params(Timestamp.from(clock.instant()), row.id()).update();
            sent++;
        }
        return sent;
    }

    private List<Row> rows(List<Long> ids) {
        return db.sql("""
                SELECT o.id, o.channel,
                    coalesce(o.recipient, CASE o.channel WHEN :sms THEN c.phone ELSE c.email END),
                    o.subject, o.body, o.locale, o.attempts
                FROM outbox o LEFT JOIN participant_contact c ON c.participant_id = o.participant_id
                WHERE o.id = ANY(:ids) ORDER BY o.id
                """)
                .param("sms", Message.Channel.SMS.name())
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, i) -> new Row(rs.getLong(1), Message.Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), Locale.forLanguageTag(rs.getString(6)), rs.getInt(7)))
                .list();
    }

    private void send(Row row) {
        if (row.to() == null) {
            throw new IllegalStateException("no address for message " + row.id());
        }
        switch (row.channel()) {
            case SMS -> sms.send(row.id(), row.to(), row.body());
            case EMAIL -> email.send(layout.email(row.id(), row.to(), row.subject(), row.body(), row.language()));
        }
    }

    private record Row(long id, Message.Channel channel, String to, String subject, String body, Locale language,
            int attempts) {

        @Override
        public String toString() {
            return "Row[" + id + " " + channel + "]";
        }
    }
}
