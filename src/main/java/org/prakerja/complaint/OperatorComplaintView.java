package org.prakerja.complaint;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A complaint as operators see it: what the filer sees, who filed it ({@code filer}: the
 * participant's id, or the contact email of someone without an account), and R-85 whether it is
 * overdue and since when the filer waits for an answer.
 */
record OperatorComplaintView(String ticket, ComplaintCategory category, String title, String description,
        @Nullable String reference, ComplaintStatus status, FilerKind filerKind, String filer,
        @Nullable String contactEmail, boolean overdue, @Nullable Instant awaitingAnswerSince, Instant createdAt,
        Instant updatedAt, List<ConversationLine> messages, List<AttachmentView> attachments) {

    public enum FilerKind { PARTICIPANT, PUBLIC }
}
