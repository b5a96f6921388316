package org.prakerja.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.prakerja.database.QueuedWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-84 the audit trail. {@link #record} must run inside the transaction of the act it records
 * (propagation MANDATORY: called outside one, it fails), so an act that rolls back leaves no
 * entry and an entry never describes an act that did not happen. Entries are never changed: the
 * table refuses UPDATE and DELETE (V30).
 *
 * <p>Actions are upper-case names of the act, past tense where it is a fact: {@code WAVE_CREATED},
 * {@code COMPLAINT_ANSWERED}, {@code LOGIN_REFUSED}. Each module names its own.
 */
@Service
public class AuditTrail {

    private static final Pattern ACTION = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");
    private static final int TEXT_LIMIT = 1000;

    private final JdbcClient db;
    private final QueuedWrites writes;
    private final Clock clock;

    AuditTrail(JdbcClient db, QueuedWrites writes, Clock clock) {
        this.db = db;
        this.writes = writes;
        this.clock = clock;
    }

    /**
     * Records an act in the caller's transaction. {@code target} names what was acted on
     * ({@code wave:23}, {@code complaint:PGD-…}); {@code detail} says how, briefly, without secrets.
     * Queued: it reaches the database with the transaction's next statement or its commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String target, String detail) {
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("an audit action is an upper-case name: " + action);
        }
        writes.queue("""
                INSERT INTO audit_entry (at, actor_id, actor, role, action, target, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, Timestamp.from(clock.instant()), actor.id(), cut(actor.name()), actor.role(), action, cut(target),
                cut(detail));
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public Paged<AuditEntry> search(AuditQuery query, PageRequest page) {
        var where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (query.actor() != null) {
            where.append(" AND lower(actor) = lower(?)");
            params.add(query.actor());
        }
        if (query.action() != null) {
            where.append(" AND action = ?");
            params.add(query.action());
        }
        if (query.from() != null) {
            where.append(" AND at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND at < ?");
            params.add(Timestamp.from(query.to()));
        }
        long total = db.sql("SELECT count(*) FROM audit_entry" + where).params(params).query(Long.class).single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        var items = db.sql("SELECT * FROM audit_entry" + where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
                .params(pageParams).query(AuditTrail::map).list();
        return new Paged<>(items, page.page(), page.size(), total);
    }

    private static String cut(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT);
    }

    private static AuditEntry map(ResultSet rs, int i) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("role"), rs.getString("action"), rs.getString("target"), rs.getString("detail"));
    }
}
