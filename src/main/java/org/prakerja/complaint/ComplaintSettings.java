package org.prakerja.complaint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Complaints.
 *
 * @param answerWithin R-85: a complaint an operator has not answered within this long is overdue
 * @param maxAttachments attachments per complaint
 * @param maxAttachmentSize per attachment; spring.servlet.multipart.max-file-size must not be smaller
 */
@ConfigurationProperties("prakerja.complaints")
record ComplaintSettings(
        @DefaultValue("P3D") Duration answerWithin,
        @DefaultValue("3") int maxAttachments,
        @DefaultValue("2MB") DataSize maxAttachmentSize) {
}
