package org.prakerja.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that can hold {@link QueuedWrites} until the connection is next used.
 * Every statement, savepoint or commit sends what waits first, as one multi-statement request
 * (the PostgreSQL driver sends its parts together and waits once; a commit joins them); a
 * rollback or close drops it.
 */
class QueueingDataSource extends DelegatingDataSource implements AutoCloseable {

    /** Methods before which the queued writes must have reached the database. */
    private static final Set<String> FLUSH_BEFORE = Set.of("prepareStatement", "prepareCall", "createStatement",
            "commit", "setSavepoint", "releaseSavepoint", "setAutoCommit", "setTransactionIsolation", "setReadOnly");
    /** Methods after which nothing queued may survive: the transaction is gone or rolled back. */
    private static final Set<String> DROP_AT = Set.of("rollback", "close", "abort");

    interface Queue {
        void queue(String sql, Object[] args);
    }

    QueueingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(super.getConnection(username, password));
    }

    /** The pool closes with the application context, as it would unwrapped. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private static Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(QueueingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class, Queue.class}, new Handler(target));
    }

    private static final class Handler implements InvocationHandler {

        private final Connection target;
        private final List<String> statements = new ArrayList<>();
        private final List<Object> args = new ArrayList<>();

        Handler(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            String name = method.getName();
            if (method.getDeclaringClass() == Queue.class) {
                statements.add((String) arguments[0]);
                args.addAll(Arrays.asList((Object[]) arguments[1]));
                return null;
            }
            switch (name) {
                case "equals" -> {
                    return proxy == arguments[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "Queueing[" + target + "]";
                }
                default -> {
                }
            }
            if (!statements.isEmpty()) {
                if (name.equals("commit")) {
                    // the commit rides in the same round trip; the driver then sees no open
                    // transaction and its own commit sends nothing. After a failed write the
                    // server skips the COMMIT, and the transaction is rolled back as usual.
                    statements.add("COMMIT");
                    flush();
                } else if (FLUSH_BEFORE.contains(name)) {
                    flush();
                } else if (DROP_AT.contains(name)) {
                    clear();
                }
            }
            try {
                return method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void flush() throws SQLException {
            String sql = String.join(";\n", statements);
            Object[] values = args.toArray();
            clear();
            try (PreparedStatement statement = target.prepareStatement(sql)) {
                new ArgumentPreparedStatementSetter(values).setValues(statement);
                statement.execute();
            }
        }

        private void clear() {
            statements.clear();
            args.clear();
        }
    }
}
