package org.prakerja.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time used by this JVM (the service and the load generator) and by the PostgreSQL processes,
 * and the machine's idle and stolen time, between two readings: where a purchase's CPU goes,
 * which varies less between runs than the rate does when the machine itself runs slower.
 */
record CpuUse(Duration jvm, Duration postgres, long[] machineTicks) {

    static CpuUse now() {
        Duration jvm = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        Duration postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
        return new CpuUse(jvm, postgres, readMachineTicks());
    }

    CpuUse since(CpuUse earlier) {
        long[] ticks = new long[machineTicks.length];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = machineTicks[i] - earlier.machineTicks[i];
        }
        return new CpuUse(jvm.minus(earlier.jvm), postgres.minus(earlier.postgres), ticks);
    }

    String perPurchase(long purchases, double seconds) {
        return per("purchase", purchases, seconds);
    }

    String per(String unit, long units, double seconds) {
        long total = 0;
        for (long t : machineTicks) {
            total += t;
        }
        // /proc/stat's cpu line: user nice system idle iowait irq softirq steal ...
        double idle = 100.0 * (machineTicks[3] + machineTicks[4]) / Math.max(1, total);
        double steal = machineTicks.length > 7 ? 100.0 * machineTicks[7] / Math.max(1, total) : 0;
        long n = Math.max(1, units);
        return ("CPU per " + unit + ": JVM (service + load generator) %.2f ms, PostgreSQL %.2f ms; cores busy: JVM %.2f, PostgreSQL %.2f; machine idle %.1f%%, stolen %.1f%%")
                .formatted(jvm.toNanos() / 1e6 / n, postgres.toNanos() / 1e6 / n, jvm.toNanos() / 1e9 / seconds,
                        postgres.toNanos() / 1e9 / seconds, idle, steal);
    }

    private static long[] readMachineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long[] ticks = new long[fields.length - 1];
            for (int i = 1; i < fields.length; i++) {
                ticks[i - 1] = Long.parseLong(fields[i]);
            }
            return ticks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
