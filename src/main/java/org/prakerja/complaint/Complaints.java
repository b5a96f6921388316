package org.prakerja.complaint;

import jakarta.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.prakerja.audit.Actor;
import org.prakerja.audit.AuditTrail;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-80 complaints: filed by a participant or by anyone with a contact email, followed and answered
 * by the filer, worked on by operators. A ticket is shown only to its filer (their token, or their
 * contact email compared in constant time) and to operators; to anyone else it does not exist.
 * Every operator answer reaches the filer ({@link FilerMessages}) and the audit trail, in the
 * answer's transaction.
 */
@Service
@Transactional
public class Complaints {

    /**
     * R-85 overdue, its one definition, for the queue, its filter and a single complaint alike: not
     * closed, and awaiting an operator's answer since the bound parameter (now minus
     * {@code prakerja.complaints.answer-within}) or earlier.
     */
    static final String OVERDUE = "coalesce(c.status IN " + ComplaintStatus.sqlOpen() + " AND c.awaiting_since <= ?, false)";

    private final JdbcClient db;
    private final Clock clock;
    private final ComplaintSettings settings;
    private final FilerMessages filerMessages;
    private final AuditTrail audit;

    Complaints(JdbcClient db, Clock clock, ComplaintSettings settings, FilerMessages filerMessages, AuditTrail audit) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.filerMessages = filerMessages;
        this.audit = audit;
    }

    /**
     * Files a complaint for a participant ({@code participantId}) or for someone reachable at
     * {@code contactEmail}; at least one of the two.
     */
    public Filed file(NewComplaint complaint, @Nullable UUID participantId, @Nullable String contactEmail) {
        if (participantId == null && (contactEmail == null || contactEmail.isBlank())) {
            throw new InvalidInput("contactEmail", "is required without a participant's token");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Ticket ticket;
        // 75 random bits: a collision is all but impossible, and then a new draw
        do {
            ticket = Ticket.random();
        } while (db.sql("""
                INSERT INTO complaint (id, ticket, category, title, description, reference, participant_id, contact_email,
                    status, created_at, updated_at, awaiting_since)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?) ON CONFLICT (ticket) DO NOTHING
                """)
                .params(id, ticket.value(), complaint.category().name(), complaint.title().strip(),
                        complaint.description().strip(), blankToNull(complaint.reference()), participantId,
                        blankToNull(contactEmail), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
                .update() == 0);
        filerMessages.filed(find(ticket.value()).orElseThrow());
        return new Filed(ticket.value(), ComplaintStatus.OPEN);
    }

    /** The complaint, if {@code who} is its filer; empty for an unknown ticket and for anyone else alike. */
    @Transactional(readOnly = true)
    public Optional<ComplaintView> forFiler(String ticket, Claimant who) {
        return findOwned(ticket, who).map(row -> new ComplaintView(row.ticket(), row.category(), row.title(),
                row.description(), row.reference(), row.status(), row.createdAt(), row.updatedAt(), conversation(row.id()),
                attachments(row.id())));
    }

    /** The filer writes again; R-80 a resolved or rejected complaint reopens, and waits for an answer again. */
    public ComplaintChange<ComplaintView> reply(String ticket, Claimant who, String text) {
        var found = findOwned(ticket, who);
        if (found.isEmpty()) {
            return new ComplaintChange.Refused<>(ComplaintRefusal.COMPLAINT_NOT_FOUND);
        }
        var row = lock(found.get().id());
        Instant now = clock.instant();
        db.sql("INSERT INTO complaint_message (complaint_id, author, text, at) VALUES (?, 'FILER', ?, ?)")
                .params(row.id(), text.strip(), Timestamp.from(now)).update();
        db.sql("""
                UPDATE complaint SET status = ?, updated_at = ?, awaiting_since = coalesce(awaiting_since, ?) WHERE id = ?
                """).params(row.status().afterFilerReply().name(), Timestamp.from(now), Timestamp.from(now), row.id())
                .update();
        return new ComplaintChange.Changed<>(forFiler(ticket, who).orElseThrow());
    }

    @Transactional(readOnly = true)
    public Optional<OperatorComplaintView> forOperator(String ticket) {
        var overdueBefore = Timestamp.from(overdueBefore());
        return find(ticket).map(row -> new OperatorComplaintView(row.ticket(), row.category(), row.title(),
                row.description(), row.reference(), row.status(),
                row.participantId() != null ? OperatorComplaintView.FilerKind.PARTICIPANT : OperatorComplaintView.FilerKind.PUBLIC,
                row.filer(), row.contactEmail(),
                db.sql("SELECT " + OVERDUE + " FROM complaint c WHERE c.id = ?").params(overdueBefore, row.id())
                        .query(Boolean.class).single(),
                row.awaitingSince(), row.createdAt(),
                row.updatedAt(), conversation(row.id()), attachments(row.id())));
    }

    /**
     * An operator's answer: a new status (R-80 transitions of {@link ComplaintStatus}) and a
     * response, which RESOLVED and REJECTED require. The filer hears of it in the app and, when
     * there is a response, by email; the audit trail records it; all in this transaction.
     */
    public ComplaintChange<OperatorComplaintView> answer(String ticket, Actor operator, ComplaintStatus to,
            @Nullable String response) {
        String text = blankToNull(response);
        var found = find(ticket);
        if (found.isEmpty()) {
            return new ComplaintChange.Refused<>(ComplaintRefusal.COMPLAINT_NOT_FOUND);
        }
        var row = lock(found.get().id());
        if (!row.status().operatorMayMoveTo(to)) {
            return new ComplaintChange.Refused<>(ComplaintRefusal.ILLEGAL_TRANSITION);
        }
        if (text == null && (to.needsResponse() || to == row.status())) {
            throw new InvalidInput("response", to.needsResponse() ? "is required to resolve or reject a complaint"
                    : "is required to answer without changing the status");
        }
        Instant now = clock.instant();
        if (text != null) {
            db.sql("""
                    INSERT INTO complaint_message (complaint_id, author, operator_id, text, at) VALUES (?, 'OPERATOR', ?, ?, ?)
                    """).params(row.id(), operator.id(), text, Timestamp.from(now)).update();
        }
        // an answer stops the clock; a status change alone does not
        db.sql("""
                UPDATE complaint SET status = ?, updated_at = ?, awaiting_since = CASE WHEN ? THEN NULL ELSE awaiting_since END
                WHERE id = ?
                """).params(to.name(), Timestamp.from(now), text != null, row.id()).update();
        filerMessages.answered(row, to, text);
        audit.record(operator, text != null ? "COMPLAINT_ANSWERED" : "COMPLAINT_STATUS_CHANGED",
                "complaint:" + row.ticket(), row.status() + " -> " + to);
        return new ComplaintChange.Changed<>(forOperator(row.ticket()).orElseThrow());
    }

    /** R-85 the operators' queue: overdue complaints first, then the oldest. */
    @Transactional(readOnly = true)
    public Paged<QueueItem> queue(QueueFilter filter, PageRequest page) {
        Timestamp overdueBefore = Timestamp.from(overdueBefore());
        var where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" AND c.status = ?");
            params.add(filter.status().name());
        }
        if (filter.category() != null) {
            where.append(" AND c.category = ?");
            params.add(filter.category().name());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " AND " : " AND NOT ").append(OVERDUE);
            params.add(overdueBefore);
        }
        long total = db.sql("SELECT count(*) FROM complaint c" + where).params(params).query(Long.class).single();
        var listParams = new ArrayList<Object>();
        listParams.add(overdueBefore);
        listParams.addAll(params);
        listParams.add(page.size());
        listParams.add(page.offset());
        var items = db.sql("SELECT c.*, " + OVERDUE + " AS overdue FROM complaint c" + where
                        + " ORDER BY overdue DESC, c.created_at, c.id LIMIT ? OFFSET ?")
                .params(listParams)
                .query((rs, i) -> {
                    var row = map(rs, i);
                    return new QueueItem(row.ticket(), row.category(), row.title(), row.status(), row.filer(),
                            row.createdAt(), row.updatedAt(), rs.getBoolean("overdue"));
                })
                .list();
        return new Paged<>(items, page.page(), page.size(), total);
    }

    /** A participant's own complaints, the latest moved first (the portal's list). */
    @Transactional(readOnly = true)
    public List<OwnComplaint> ofParticipant(UUID participantId) {
        return db.sql("SELECT * FROM complaint WHERE participant_id = ? ORDER BY updated_at DESC, id LIMIT 200")
                .param(participantId)
                .query((rs, i) -> {
                    var row = map(rs, i);
                    return new OwnComplaint(row.ticket(), row.category(), row.title(), row.status(), row.createdAt(),
                            row.updatedAt());
                })
                .list();
    }

    /** Complaints by status, every status present (the operators' summary). */
    @Transactional(readOnly = true)
    public Map<ComplaintStatus, Long> countByStatus() {
        var counts = new EnumMap<ComplaintStatus, Long>(ComplaintStatus.class);
        for (var s : ComplaintStatus.values()) {
            counts.put(s, 0L);
        }
        db.sql("SELECT status, count(*) FROM complaint GROUP BY status")
                .query((rs, i) -> counts.put(ComplaintStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** The complaint if {@code who} filed it; the same empty answer for an unknown ticket and a stranger. */
    Optional<Row> findOwned(String ticket, Claimant who) {
        return find(ticket).filter(row -> isFiler(row, who));
    }

    Optional<Row> find(String ticket) {
        return Ticket.parse(ticket).flatMap(t -> db.sql("SELECT * FROM complaint WHERE ticket = ?").param(t.value())
                .query(Complaints::map).optional());
    }

    Row lock(UUID id) {
        return db.sql("SELECT * FROM complaint WHERE id = ? FOR UPDATE").param(id).query(Complaints::map).single();
    }

    List<AttachmentView> attachments(UUID complaintId) {
        return db.sql("SELECT id, content_type, size FROM complaint_attachment WHERE complaint_id = ? ORDER BY created_at, id")
                .param(complaintId)
                .query((rs, i) -> new AttachmentView(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .list();
    }

    private List<ConversationLine> conversation(UUID complaintId) {
        return db.sql("SELECT author, text, at FROM complaint_message WHERE complaint_id = ? ORDER BY id")
                .param(complaintId)
                .query((rs, i) -> new ConversationLine(ConversationLine.Author.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    private Instant overdueBefore() {
        return clock.instant().minus(settings.answerWithin());
    }

    private static boolean isFiler(Row row, Claimant who) {
        if (who.participantId() != null && who.participantId().equals(row.participantId())) {
            return true;
        }
        return who.email() != null && row.contactEmail() != null && sameEmail(who.email(), row.contactEmail());
    }

    /** Case-insensitive, in constant time: hashes of equal length are compared byte by byte to the end. */
    private static boolean sameEmail(String given, String stored) {
        return MessageDigest.isEqual(digest(given), digest(stored));
    }

    private static byte[] digest(String email) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A complaint row, as this module reads it. */
    record Row(UUID id, String ticket, ComplaintCategory category, String title, String description,
            @Nullable String reference, @Nullable UUID participantId, @Nullable String contactEmail,
            ComplaintStatus status, Instant createdAt, Instant updatedAt, @Nullable Instant awaitingSince) {

        String filer() {
            return participantId != null ? participantId.toString() : contactEmail;
        }

        @Override
        public String toString() {
            return "Row[" + ticket + " " + status + "]";
        }
    }

    private static Row map(ResultSet rs, int i) throws SQLException {
        var awaiting = rs.getTimestamp("awaiting_since");
        return new Row(rs.getObject("id", UUID.class), rs.getString("ticket"),
                ComplaintCategory.valueOf(rs.getString("category")), rs.getString("title"), rs.getString("description"),
                rs.getString("reference"), rs.getObject("participant_id", UUID.class), rs.getString("contact_email"),
                ComplaintStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), awaiting == null ? null : awaiting.toInstant());
    }
}
