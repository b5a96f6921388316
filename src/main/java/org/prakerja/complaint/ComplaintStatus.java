package org.prakerja.complaint;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * R-80 a complaint's status, and every move between statuses, here and nowhere else: an operator
 * takes a complaint up (OPEN → IN_PROGRESS), answers it while working on it (IN_PROGRESS stays),
 * resolves or rejects it (with a response); a filer's reply to a resolved or rejected complaint
 * reopens it (→ OPEN).
 */
public enum ComplaintStatus {
    OPEN, IN_PROGRESS, RESOLVED, REJECTED;

    /** Whether an operator may set {@code next} on a complaint in this status. */
    public boolean operatorMayMoveTo(ComplaintStatus next) {
        return switch (this) {
            case OPEN -> next == IN_PROGRESS || next == RESOLVED || next == REJECTED;
            case IN_PROGRESS -> next == IN_PROGRESS || next == RESOLVED || next == REJECTED;
            case RESOLVED, REJECTED -> false;
        };
    }

    /** Resolving and rejecting say why: the operator's response is required. */
    public boolean needsResponse() {
        return this == RESOLVED || this == REJECTED;
    }

    /** The status once the filer wrote again: a closed complaint reopens. */
    public ComplaintStatus afterFilerReply() {
        return isClosed() ? OPEN : this;
    }

    public boolean isClosed() {
        return this == RESOLVED || this == REJECTED;
    }

    /** The statuses not closed, as an SQL list for {@code status IN …}. */
    static String sqlOpen() {
        return Arrays.stream(values()).filter(s -> !s.isClosed()).map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
