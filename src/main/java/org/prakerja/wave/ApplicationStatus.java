package org.prakerja.wave;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An application's life, the one table of its moves: PENDING from joining a wave until the
 * wave's selection makes it SELECTED or NOT_SELECTED, once. SQL names a status through
 * {@link #sql()} and guards a move with {@link #sqlMovingTo}, never with a literal of its own. They
 * are spelt into the statement, not bound: the partial indexes on SELECTED rows (V7) serve only a
 * statement whose condition the planner can read.
 */
public enum ApplicationStatus {
    PENDING, SELECTED, NOT_SELECTED;

    boolean canMoveTo(ApplicationStatus next) {
        return this == PENDING && (next == SELECTED || next == NOT_SELECTED);
    }

    /** This status as an SQL string literal. */
    String sql() {
        return "'" + name() + "'";
    }

    /** The states an application may reach {@code next} from, as an SQL list for {@code status IN …}. */
    static String sqlMovingTo(ApplicationStatus next) {
        return Arrays.stream(values()).filter(s -> s.canMoveTo(next)).map(ApplicationStatus::sql)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
