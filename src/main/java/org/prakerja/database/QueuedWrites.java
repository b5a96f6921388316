package org.prakerja.database;

import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a transaction does not wait on (an outbox message, an in-app notice, a stored answer)
 * wait on the transaction's connection and go to PostgreSQL together, in one round trip, when
 * the transaction next talks to the database: before its next statement, or before it commits.
 * Order is kept, so a later statement of the same transaction sees them, and a write that fails
 * fails the transaction as if it had run at once (only later: at that next statement or the
 * commit). Outside a transaction a write runs at once.
 *
 * <p>The module that owns a table still writes its own SQL; this only saves round trips, which
 * are most of what a short transaction costs PostgreSQL.
 */
@Component
public class QueuedWrites {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    QueuedWrites(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** One statement with positional {@code ?} parameters; its update count is not looked at. */
    public void queue(String sql, Object... args) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.update(sql, args);
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection instanceof QueueingDataSource.Queue queue) {
                queue.queue(sql, args);
            } else {
                jdbc.update(sql, args);
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
