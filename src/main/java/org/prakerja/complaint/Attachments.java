package org.prakerja.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.prakerja.common.CommonRefusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * R-80 a complaint's attachments: JPEG, PNG or PDF by content, each at most the configured size,
 * at most the configured number per complaint (the complaint's row is locked while they are
 * counted, so two uploads at once cannot both be the last one). Shown only to the filer and to
 * operators.
 */
@Service
@Transactional
class Attachments {

    private final JdbcClient db;
    private final Complaints complaints;
    private final ComplaintSettings settings;
    private final Clock clock;

    Attachments(JdbcClient db, Complaints complaints, ComplaintSettings settings, Clock clock) {
        this.db = db;
        this.complaints = complaints;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Files a complaint with its files in one transaction (the portal's form sends both at once): if
     * one file is refused, nothing is filed and nobody is told, and the form says which file.
     */
    public Filing fileWith(NewComplaint complaint, @Nullable UUID participantId, @Nullable String contactEmail,
            List<byte[]> files) {
        var filed = complaints.file(complaint, participantId, contactEmail);
        var filer = new Claimant(participantId, contactEmail);
        for (int i = 0; i < files.size(); i++) {
            if (attach(filed.ticket(), filer, files.get(i)) instanceof AttachmentResult.Refused refused) {
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                return new Filing.AttachmentRefused(i, refused.reason());
            }
        }
        return new Filing.Done(filed);
    }

    /** Keeps the file if it is the filer's complaint, the file's content is of a kept kind, and there is room. */
    public AttachmentResult attach(String ticket, Claimant who, byte[] content) {
        var found = complaints.findOwned(ticket, who);
        if (found.isEmpty()) {
            return new AttachmentResult.Refused(ComplaintRefusal.COMPLAINT_NOT_FOUND);
        }
        if (content.length > settings.maxAttachmentSize().toBytes()) {
            return new AttachmentResult.Refused(CommonRefusal.TOO_LARGE);
        }
        var kind = FileKind.of(content);
        if (kind.isEmpty()) {
            return new AttachmentResult.Refused(CommonRefusal.UNSUPPORTED_MEDIA_TYPE);
        }
        var complaint = complaints.lock(found.get().id());
        long count = db.sql("SELECT count(*) FROM complaint_attachment WHERE complaint_id = ?").param(complaint.id())
                .query(Long.class).single();
        if (count >= settings.maxAttachments()) {
            return new AttachmentResult.Refused(ComplaintRefusal.TOO_MANY_ATTACHMENTS);
        }
        UUID id = UUID.randomUUID();
        db.sql("""
                INSERT INTO complaint_attachment (id, complaint_id, content_type, size, content, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(id, complaint.id(), kind.get().contentType(), content.length, content,
                Timestamp.from(clock.instant())).update();
        return new AttachmentResult.Attached(new AttachmentView(id, kind.get().contentType(), content.length));
    }

    @Transactional(readOnly = true)
    public Optional<AttachmentFile> forFiler(String ticket, UUID attachmentId, Claimant who) {
        return complaints.findOwned(ticket, who).flatMap(c -> file(c.id(), attachmentId));
    }

    @Transactional(readOnly = true)
    public Optional<AttachmentFile> forOperator(String ticket, UUID attachmentId) {
        return complaints.find(ticket).flatMap(c -> file(c.id(), attachmentId));
    }

    private Optional<AttachmentFile> file(UUID complaintId, UUID attachmentId) {
        return db.sql("SELECT content_type, content FROM complaint_attachment WHERE complaint_id = ? AND id = ?")
                .params(complaintId, attachmentId)
                .query((rs, i) -> new AttachmentFile(rs.getString(1), rs.getBytes(2)))
                .optional();
    }
}
