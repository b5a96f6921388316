package org.prakerja.complaint;

import org.prakerja.common.Refusal;

/**
 * How an upload ended: attached, or refused with {@link ComplaintRefusal} (not found, too many) or
 * the generic UNSUPPORTED_MEDIA_TYPE (not a JPEG, PNG or PDF by content) or TOO_LARGE.
 */
sealed interface AttachmentResult {

    record Attached(AttachmentView attachment) implements AttachmentResult {
    }

    record Refused(Refusal reason) implements AttachmentResult {
    }
}
