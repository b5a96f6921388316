package org.prakerja.incentive.provider;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.prakerja.incentive.PaymentProvider;

/** Test support: a SNAP BI adapter pointed at a simulator, for tests outside this package. */
public final class SnapAdapters {

    private SnapAdapters() {
    }

    public static PaymentProvider against(String baseUrl, String clientKey, Path privateKey, String secret,
            Duration requestTimeout, Clock clock) {
        return new SnapBiPaymentProvider(baseUrl, clientKey, "", "95221", privateKey.toString(), secret, "1234567890",
                Duration.ofSeconds(2), requestTimeout, Duration.ofSeconds(10), "009", "014", clock,
                new SimpleMeterRegistry());
    }
}
