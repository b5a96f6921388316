package org.prakerja.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery receipts, recorded against the SMSC's message id of each part. A receipt is first kept
 * by its id ({@code sms_receipt}), then applied to the part that has that id: a receipt that
 * overtook the submit's answer, or the relay's mark, waits there until the relay stored the id
 * ({@link #applyWaiting}, after each mark and each receipt), so none is lost. The message's
 * delivery follows from its parts: DELIVERED when all are, EXPIRED or FAILED when one is.
 */
@Component
class SmsReceipts {

    /** A part's final state from the receipt's {@code stat:} (SMPP 3.4 appendix B). */
    enum State { DELIVERED, EXPIRED, FAILED }

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer latency;

    SmsReceipts(JdbcClient db, TransactionTemplate tx, Clock clock, MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
        this.latency = Timer.builder("prakerja.sms.receipt.latency")
                .description("from the SMSC's acknowledgement of a part to its delivery receipt").register(meters);
    }

    static State state(String stat) {
        return switch (stat == null ? "" : stat.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "DELIVRD" -> State.DELIVERED;
            case "EXPIRED" -> State.EXPIRED;
            default -> State.FAILED; // UNDELIV, REJECTD, DELETED, UNKNOWN
        };
    }

    /** Keeps the receipt, then applies what can be applied. */
    void received(String smscMessageId, State state) {
        db.sql("""
                INSERT INTO sms_receipt (smsc_message_id, state, received_at) VALUES (?, ?, ?)
                ON CONFLICT (smsc_message_id) DO UPDATE SET state = excluded.state, received_at = excluded.received_at
                """).params(smscMessageId, state.name(), Timestamp.from(clock.instant())).update();
        applyWaiting();
    }

    /** Moves every kept receipt whose part is stored onto the part, and settles their messages. */
    void applyWaiting() {
        tx.executeWithoutResult(status -> {
            record Applied(long outboxId, String state, Duration latency) {
            }
            List<Applied> applied = db.sql("""
                    WITH r AS (
                        DELETE FROM sms_receipt r USING sms_part p WHERE p.smsc_message_id = r.smsc_message_id
                        RETURNING r.smsc_message_id, r.state, r.received_at)
                    UPDATE sms_part p SET state = r.state, done_at = r.received_at
                    FROM r WHERE p.smsc_message_id = r.smsc_message_id AND p.state = 'SENT'
                    RETURNING p.outbox_id, p.state, extract(epoch FROM r.received_at - p.submitted_at)
                    """)
                    .query((rs, i) -> new Applied(rs.getLong(1), rs.getString(2),
                            Duration.ofNanos(Math.max(0, (long) (rs.getDouble(3) * 1e9)))))
                    .list();
            if (applied.isEmpty()) {
                return;
            }
            for (var a : applied) {
                latency.record(a.latency());
                if (a.state().equals(State.DELIVERED.name())) {
                    Counter.builder("prakerja.sms.delivered").description("SMS parts the SMSC reported delivered")
                            .register(meters).increment();
                }
            }
            db.sql("""
                    UPDATE outbox o SET delivery = s.delivery, delivered_at = s.done
                    FROM (SELECT outbox_id,
                              CASE WHEN bool_and(state = 'DELIVERED') THEN 'DELIVERED'
                                   WHEN bool_or(state = 'EXPIRED') THEN 'EXPIRED'
                                   WHEN bool_or(state = 'FAILED') THEN 'FAILED' END AS delivery,
                              max(done_at) AS done
                          FROM sms_part WHERE outbox_id = ANY(?) GROUP BY outbox_id) s
                    WHERE o.id = s.outbox_id AND s.delivery IS NOT NULL
                    """)
                    .param(applied.stream().map(Applied::outboxId).distinct().toArray(Long[]::new)).update();
        });
    }
}
