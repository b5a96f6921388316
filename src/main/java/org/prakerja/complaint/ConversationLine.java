package org.prakerja.complaint;

import java.time.Instant;

/** One message of a complaint's conversation: the filer's or an operator's. */
record ConversationLine(Author from, String text, Instant at) {

    public enum Author { FILER, OPERATOR }
}
