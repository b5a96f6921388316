package org.prakerja.complaint;

import org.prakerja.common.Refusal;

/**
 * How filing a complaint together with its attachments ended (the portal's form): filed with every
 * file, or nothing filed because the file at {@code index} (0-based, in the order sent) was refused.
 */
sealed interface Filing {

    record Done(Filed filed) implements Filing {
    }

    record AttachmentRefused(int index, Refusal reason) implements Filing {
    }
}
