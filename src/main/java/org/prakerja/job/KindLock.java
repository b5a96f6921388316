package org.prakerja.job;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * One run of a scheduled kind at a time, across instances: a scheduled round and an operator's
 * "run now" of the same kind (or two of them) would otherwise work on the same rows at once, and
 * neither would see what the other has not committed yet (two reminders for one card). A
 * PostgreSQL advisory lock on a connection of its own, held for the run: it goes with the
 * connection if the instance dies.
 */
final class KindLock {

    private final DataSource dataSource;

    KindLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} holding the kind's lock; waits for it if {@code wait}, else skips and returns false. */
    boolean run(String kind, boolean wait, Runnable work) {
        try (var c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (var lock = c.prepareStatement(wait ? "SELECT pg_advisory_lock(hashtext(?))"
                    : "SELECT pg_try_advisory_lock(hashtext(?))")) {
                lock.setString(1, "job:" + kind);
                try (var rs = lock.executeQuery()) {
                    if (!wait && (!rs.next() || !rs.getBoolean(1))) {
                        return false;
                    }
                }
            }
            try {
                work.run();
                return true;
            } finally {
                try (var unlock = c.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                    unlock.setString(1, "job:" + kind);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("job lock for " + kind, e);
        }
    }
}
