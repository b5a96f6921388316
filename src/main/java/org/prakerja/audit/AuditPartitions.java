package org.prakerja.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail's monthly partitions (V30), made ahead of time so that entries land in their
 * month's table, not in the default one. Only months still to come: once the default partition
 * holds an entry of a month, that month's partition can no longer be made without moving rows,
 * and such a month stays in the default partition (said in the log). Each new partition gets the
 * append-only trigger for TRUNCATE, which PostgreSQL does not pass down from the parent as it
 * does the row triggers for UPDATE and DELETE. Months run in WIB, the program's zone.
 */
@Service
public class AuditPartitions {

    private static final Logger log = LoggerFactory.getLogger(AuditPartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

    private final JdbcClient db;
    private final Clock clock;

    AuditPartitions(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The partitions of the next {@code months} months, from next month on; answers those made now. */
    @Transactional
    public List<String> makeAhead(int months) {
        // one instance at a time; a second waits and then finds the tables made
        db.sql("SELECT pg_advisory_xact_lock(hashtext('audit_entry partitions'))").query(Object.class).single();
        var made = new ArrayList<String>();
        YearMonth next = YearMonth.now(clock.withZone(AuditPages.WIB)).plusMonths(1);
        for (int i = 0; i < months; i++) {
            YearMonth month = next.plusMonths(i);
            String table = "audit_entry_" + month.format(SUFFIX);
            if (db.sql("SELECT to_regclass(?) IS NOT NULL").param(table).query(Boolean.class).single()) {
                continue;
            }
            OffsetDateTime from = month.atDay(1).atStartOfDay(AuditPages.WIB).toOffsetDateTime();
            OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(AuditPages.WIB).toOffsetDateTime();
            if (db.sql("SELECT EXISTS (SELECT 1 FROM audit_entry_default WHERE at >= ? AND at < ?)")
                    .params(from, to).query(Boolean.class).single()) {
                log.warn("audit partition not made: the default partition holds entries of its month table={}", table);
                continue;
            }
            // names and bounds come from the calendar, never from input
            db.sql("CREATE TABLE " + table + " PARTITION OF audit_entry FOR VALUES FROM ('" + from + "') TO ('" + to + "')")
                    .update();
            db.sql("CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
                    + " FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()").update();
            made.add(table);
        }
        if (!made.isEmpty()) {
            log.info("audit partitions made tables={}", made);
        }
        return made;
    }
}
