package org.prakerja.wave;

import java.util.Set;

/** R-20 DRAFT → OPEN → CLOSED → SELECTED → ANNOUNCED; nothing else. */
public enum WaveStatus {
    DRAFT, OPEN, CLOSED, SELECTED, ANNOUNCED;

    boolean canMoveTo(WaveStatus next) {
        return switch (this) {
            case DRAFT -> next == OPEN;
            case OPEN -> next == CLOSED;
            case CLOSED -> next == SELECTED;
            case SELECTED -> next == ANNOUNCED;
            case ANNOUNCED -> false;
        };
    }

    /** What an operator may ask for by POST /transitions; the others follow selection and announcement. */
    static final Set<WaveStatus> MANUAL = Set.of(OPEN, CLOSED);
}
