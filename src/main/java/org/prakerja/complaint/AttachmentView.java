package org.prakerja.complaint;

import java.util.UUID;

/** An attachment as lists show it; the content is fetched on its own. */
record AttachmentView(UUID attachmentId, String contentType, long size) {
}
