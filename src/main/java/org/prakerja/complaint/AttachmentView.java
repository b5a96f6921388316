package org.prakerja.complaint;

import java.util.UUID;

/** An attachment as lists show it; the content is fetched on its own. */
public record AttachmentView(UUID attachmentId, String contentType, long size) {
}
