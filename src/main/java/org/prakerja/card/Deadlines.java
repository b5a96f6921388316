package org.prakerja.card;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.prakerja.common.ProgramRules;
import org.prakerja.job.JobProgress;
import org.prakerja.ledger.AccountId;
import org.prakerja.ledger.Ledger;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notice;
import org.prakerja.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-31 the first-purchase deadline: reminders 7, 3 and 1 day before, then deactivation of the
 * cards that bought nothing, with their whole balance back to the fund. Set-based, in chunks,
 * each chunk one transaction; running it again does nothing twice.
 */
@Service
class Deadlines {

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);
    static final String REASON = "NO_PURCHASE_WITHIN_DEADLINE";
    private static final int CHUNK = 5_000;

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProgramRules rules;

    Deadlines(JdbcClient db, TransactionTemplate tx, Ledger ledger, Notifications notifications,
            ApplicationEventPublisher events, Clock clock, ProgramRules rules) {
        this.db = db;
        this.tx = tx;
        this.ledger = ledger;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.rules = rules;
    }

    /** Deactivates every card past its deadline with no purchase; returns how many. */
    public long enforce(JobProgress progress) {
        var now = Timestamp.from(clock.instant());
        progress.total(db.sql("""
                SELECT count(*) FROM card WHERE status = ? AND first_purchase_at IS NULL AND purchase_deadline <= ?
                """).params(CardStatus.ACTIVE.name(), now).query(Long.class).single());
        long total = 0;
        int n;
        do {
            n = tx.execute(s -> deactivateChunk(now));
            total += n;
            progress.advance(n);
        } while (n > 0);
        return total;
    }

    private int deactivateChunk(Timestamp now) {
        // the card's one move, ACTIVE to DEACTIVATED (CardStatus), guarded in the statement itself
        var expired = db.sql("""
                UPDATE card SET status = :to, deactivated_at = :now, deactivation_reason = :reason
                WHERE id IN (
                    SELECT id FROM card
                    WHERE status = :from AND first_purchase_at IS NULL AND purchase_deadline <= :now
                    ORDER BY id LIMIT :chunk FOR UPDATE SKIP LOCKED)
                RETURNING id, participant_id, extract(day FROM purchase_deadline - designated_at)::int
                """)
                .param("now", now).param("reason", REASON).param("chunk", CHUNK)
                .param("from", CardStatus.ACTIVE.name()).param("to", CardStatus.DEACTIVATED.name())
                .query((rs, i) -> new CardsRevoked.Card(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getInt(3)))
                .list();
        if (expired.isEmpty()) {
            return 0;
        }
        var returned = ledger.returnWholeBalances(expired.stream().map(c -> AccountId.cardBalance(c.cardId())).toList(),
                AccountId.PROGRAM_FUND, "R-31 revocation");
        events.publishEvent(new CardsRevoked(now.toInstant(), REASON, expired));
        log.info("cards deactivated count={} returnedToFund={}", expired.size(), returned.amount());
        return expired.size();
    }

    /**
     * Sends the most urgent reminder due for each card: if the clock jumped past several
     * thresholds at once, the participant gets one SMS, not three.
     */
    public long remind(JobProgress progress) {
        var now = clock.instant();
        List<Integer> thresholds = rules.reminderDaysBefore().stream().sorted().toList();
        long sent = 0;
        for (int days : thresholds) {
            sent += tx.execute(s -> remindAt(days, now));
        }
        progress.total(sent);
        progress.advance(sent);
        return sent;
    }

    private long remindAt(int days, java.time.Instant now) {
        var due = db.sql("""
                WITH due AS (
                    INSERT INTO card_reminder (card_id, days_before, sent_at)
                    SELECT c.id, :days, :now FROM card c
                    WHERE c.status = :active AND c.first_purchase_at IS NULL
                      AND c.purchase_deadline > :now AND c.purchase_deadline <= :until
                      AND NOT EXISTS (SELECT 1 FROM card_reminder r WHERE r.card_id = c.id AND r.days_before <= :days)
                    ON CONFLICT DO NOTHING
                    RETURNING card_id)
                SELECT c.participant_id, c.purchase_deadline FROM due JOIN card c ON c.id = due.card_id
                """)
                .param("days", days).param("now", Timestamp.from(now)).param("active", CardStatus.ACTIVE.name())
                .param("until", Timestamp.from(now.plus(java.time.Duration.ofDays(days))))
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                .list();
        if (due.isEmpty()) {
            return 0;
        }
        var zone = clock.getZone();
        notifications.sendAll(due.stream()
                .map(d -> Message.sms(d.getKey(), "sms.deadline-reminder", days, d.getValue().atZone(zone).toLocalDate()))
                .toList());
        notifications.inAppAll(due.stream().map(Map.Entry::getKey).toList(), Notice.of("DEADLINE_REMINDER", days));
        return due.size();
    }
}
