package org.prakerja.bench;

import java.util.HashMap;
import java.util.Map;
import org.prakerja.PrakerjaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The real service, started in this JVM on a free port with a fresh embedded PostgreSQL. */
final class BenchServer {

    private BenchServer() {
    }

    static ConfigurableApplicationContext start(String dataDir, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", "0",
                "prakerja.db.embedded.data-dir", dataDir,
                "logging.structured.format.console", "",
                "logging.level.root", "WARN",
                "prakerja.db.pool-size", System.getProperty("pool", "60"),
                // the load comes from one address
                "prakerja.throttle.logins-per-minute", "100000000",
                "prakerja.throttle.registrations-per-minute", "100000000"));
        properties.putAll(extra);
        // as command-line arguments, which win over application.yml (default properties would not)
        return new SpringApplicationBuilder(PrakerjaApplication.class).profiles("sandbox")
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static String percentiles(long[] nanos) {
        if (nanos.length == 0) {
            return "n=0";
        }
        java.util.Arrays.sort(nanos);
        return "n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms".formatted(nanos.length, nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)] / 1e6, nanos[nanos.length - 1] / 1e6);
    }
}
