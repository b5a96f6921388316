package org.prakerja.job;

import java.util.Arrays;
import java.util.List;

/**
 * A job's life, the one table of its moves. A job is RUNNING from the moment it is asked for; when
 * its instance dies another instance takes it up again (RUNNING to RUNNING, a new run); it ends
 * SUCCEEDED or FAILED, once. {@link JobRunner}'s SQL guards each move with this table.
 */
public enum JobState {
    RUNNING, SUCCEEDED, FAILED;

    boolean canMoveTo(JobState next) {
        return switch (this) {
            case RUNNING -> true;
            case SUCCEEDED, FAILED -> false;
        };
    }

    /** The states a job may reach {@code next} from, for the guard of a conditional UPDATE. */
    static List<String> movingTo(JobState next) {
        return Arrays.stream(values()).filter(s -> s.canMoveTo(next)).map(Enum::name).toList();
    }
}
