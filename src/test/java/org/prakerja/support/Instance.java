package org.prakerja.support;

import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.prakerja.PrakerjaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * One more instance of the service, on the database of the test's own context: the same data
 * source URL (the embedded PostgreSQL it started, or PRAKERJA_TEST_DB_URL), the same profiles.
 */
public final class Instance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Instance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance on {@code first}'s database; {@code listener} (may be null) hears its scheduler. */
    public static Instance start(ApplicationContext first, SchedulerListener listener, String... settings) {
        HikariDataSource pool = pool(first);
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + pool.getJdbcUrl(),
                "--spring.datasource.username=" + nullToEmpty(pool.getUsername()),
                "--spring.datasource.password=" + nullToEmpty(pool.getPassword()),
                "--server.port=0",
                "--prakerja.db.pool-size=10"));
        args.addAll(List.of(settings));
        var builder = new SpringApplicationBuilder(PrakerjaApplication.class)
                .profiles(first.getBean(Environment.class).getActiveProfiles());
        if (listener != null) {
            builder.initializers(c -> ((GenericApplicationContext) c)
                    .registerBean("testSchedulerListener", SchedulerListener.class, () -> listener));
        }
        return new Instance(builder.run(args.toArray(String[]::new)));
    }

    public static Instance start(ApplicationContext first, String... settings) {
        return start(first, null, settings);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Dies as a killed process would, seen from the database: every connection is cut at once (what
     * was running rolls back), nothing more reaches the database, no heartbeat is written. Then the
     * rest of it is shut down.
     */
    public void crash() {
        pool(context).close();
        context.close();
    }

    @Override
    public void close() {
        context.close();
    }

    private static HikariDataSource pool(ApplicationContext context) {
        try {
            return context.getBean(DataSource.class).unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
