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

    /**
     * The service in a JVM of its own on {@code first}'s database, to be killed with -9 like a real
     * process: nothing of it runs on (no shutdown hook, no last heartbeat, no closing of connections).
     */
    public record Killable(Process process, int port) {
        /** kill -9. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public static Killable process(ApplicationContext first, String... settings) throws java.io.IOException {
        HikariDataSource pool = pool(first);
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), PrakerjaApplication.class.getName(),
                "--spring.profiles.active=" + String.join(",", first.getBean(Environment.class).getActiveProfiles()),
                "--spring.datasource.url=" + pool.getJdbcUrl(),
                "--spring.datasource.username=" + nullToEmpty(pool.getUsername()),
                "--spring.datasource.password=" + nullToEmpty(pool.getPassword()),
                "--server.port=0", "--prakerja.db.pool-size=10", "--logging.structured.format.console=",
                "--logging.level.root=WARN", "--logging.level.org.springframework.boot.tomcat=INFO"));
        command.addAll(List.of(settings));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
        var started = java.util.regex.Pattern.compile("Tomcat started on port (\\d+)");
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            var found = started.matcher(line);
            if (found.find()) {
                // keep draining its output, or it blocks once the pipe is full
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return new Killable(process, Integer.parseInt(found.group(1)));
            }
        }
        throw new IllegalStateException("the service process ended before it started: exit " + exitOf(process));
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

    private static int exitOf(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
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
