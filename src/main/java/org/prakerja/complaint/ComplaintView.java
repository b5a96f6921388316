package org.prakerja.complaint;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/** A complaint as its filer sees it: the ticket, its status, the conversation and the attachments. */
record ComplaintView(String ticket, ComplaintCategory category, String title, String description,
        @Nullable String reference, ComplaintStatus status, Instant createdAt, Instant updatedAt,
        List<ConversationLine> messages, List<AttachmentView> attachments) {
}
