package org.prakerja.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what another thread or instance does, polling every 50 ms. */
public final class Await {

    private Await() {
    }

    public static void until(Duration within, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
