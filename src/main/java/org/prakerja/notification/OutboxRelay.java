package org.prakerja.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.prakerja.common.SecretBox;
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
 * <p>An SMS is marked by the statement that also stores the SMSC's message id of each of its parts
 * ({@code sms_part}), so a message whose mark committed has its ids, and one whose mark did not is
 * sent again (the crash case above). A batch's SMS go out side by side, one thread per phone number
 * (so one person's messages keep their order), as many at once as the gateway lets through (the SMPP
 * adapter's window and rate); emails go one after another. A sensitive body is read from its sealed
 * form ({@link SecretBox}) and blanked with the mark.
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
    private final SecretBox box;
    private final SmsReceipts receipts;

    OutboxRelay(JdbcClient db, TransactionTemplate tx, SmsGateway sms, EmailGateway email, MailLayout layout,
            Clock clock, @Value("${prakerja.notification.retry-delay:PT30S}") Duration retryDelay, SecretBox box,
            SmsReceipts receipts) {
        this.db = db;
        this.box = box;
        this.receipts = receipts;
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
        var rows = rows(batch);
        var sent = new AtomicInteger();
        // SMS side by side, one thread per phone number; emails one after another
        var byPhone = new LinkedHashMap<String, List<Row>>();
        List<Row> emails = new ArrayList<>();
        for (Row row : rows) {
            if (row.channel() == Message.Channel.SMS) {
                byPhone.computeIfAbsent(String.valueOf(row.to()), k -> new ArrayList<>()).add(row);
            } else {
                emails.add(row);
            }
        }
        RuntimeException markFailed = null;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (var rowsOfOne : byPhone.values()) {
                running.add(threads.submit(() -> rowsOfOne.forEach(row -> relay(row, sent))));
            }
            for (Row row : emails) {
                try {
                    relay(row, sent);
                } catch (RuntimeException e) {
                    markFailed = markFailed == null ? e : markFailed;
                }
            }
            for (var f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    markFailed = markFailed == null && e.getCause() instanceof RuntimeException r ? r : markFailed;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        if (!byPhone.isEmpty()) {
            // receipts that overtook their submit's answer or its mark
            receipts.applyWaiting();
        }
        if (markFailed != null) {
            // the database failed a mark: the message goes again after its claim lapses
            throw markFailed;
        }
        return sent.get();
    }

    /** Sends one message and marks it; a mark that fails throws (the rest of the batch goes on). */
    private void relay(Row row, AtomicInteger sent) {
        List<String> smscIds;
        try {
            smscIds = send(row);
        } catch (RuntimeException e) {
            String error = row.to() == null ? "NO_ADDRESS"
                    : e instanceof SmppSms.SmsRefused refused ? refused.reason : e.getClass().getSimpleName();
            Instant next = clock.instant().plus(retryDelay.multipliedBy(1L << row.attempts()));
            // the exception's message may quote the address: only its type is logged
            log.warn("message not sent outboxId={} channel={} attempt={} error={} nextAttemptAt={}", row.id(),
                    row.channel(), row.attempts() + 1, error, next);
            db.sql("""
                    UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_until = NULL
                    WHERE id = ?
                    """).params(error, Timestamp.from(next), row.id()).update();
            return;
        }
        // on its own, right after the gateway took it, with the SMSC's ids in the same statement:
        // what is marked is never sent again. An id the SMSC gave before (it reuses them) keeps its first part.
        Timestamp now = Timestamp.from(clock.instant());
        db.sql("""
                WITH marked AS (
                    UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL, claimed_until = NULL,
                        body = CASE WHEN sensitive THEN NULL ELSE body END, sealed_body = NULL
                    WHERE id = ? RETURNING id)
                INSERT INTO sms_part (outbox_id, part, smsc_message_id, submitted_at)
                SELECT marked.id, u.part, u.smsc_id, ? FROM marked, unnest(?::text[]) WITH ORDINALITY AS u(smsc_id, part)
                ON CONFLICT (smsc_message_id) DO NOTHING
                """).params(now, row.id(), now, smscIds.toArray(String[]::new)).update();
        sent.incrementAndGet();
    }

    private List<Row> rows(List<Long> ids) {
        return db.sql("""
                SELECT o.id, o.channel,
                    coalesce(o.recipient, CASE o.channel WHEN :sms THEN c.phone ELSE c.email END),
                    o.subject, o.body, o.locale, o.attempts, o.sealed_body
                FROM outbox o LEFT JOIN participant_contact c ON c.participant_id = o.participant_id
                WHERE o.id = ANY(:ids) ORDER BY o.id
                """)
                .param("sms", Message.Channel.SMS.name())
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, i) -> new Row(rs.getLong(1), Message.Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getBytes(8) != null ? box.open(rs.getBytes(8)) : rs.getString(5), Locale.forLanguageTag(rs.getString(6)),
                        rs.getInt(7)))
                .list();
    }

    private List<String> send(Row row) {
        if (row.to() == null) {
            throw new IllegalStateException("no address for message " + row.id());
        }
        return switch (row.channel()) {
            case SMS -> sms.send(row.id(), row.to(), row.body());
            case EMAIL -> {
                email.send(layout.email(row.id(), row.to(), row.subject(), row.body(), row.language()));
                yield List.of();
            }
        };
    }

    private record Row(long id, Message.Channel channel, String to, String subject, String body, Locale language,
            int attempts) {

        @Override
        public String toString() {
            return "Row[" + id + " " + channel + "]";
        }
    }
}
