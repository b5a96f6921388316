package org.prakerja.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PartnerRateLimitTest {

    /** A wall clock the test moves. */
    private final AtomicLong millis = new AtomicLong(Instant.parse("2026-03-02T09:15:20Z").toEpochMilli());
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return millis.get() * 1_000_000;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    @Test
    @DisplayName("OTP requests per platform are counted per wall-clock minute: past the ceiling refused, at the next minute allowed again")
    void perPlatformPerMinute() {
        var limit = new PartnerRateLimit(3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAcquire("tokopedia")).isTrue();
        }
        assertThat(limit.tryAcquire("tokopedia")).isFalse();
        // another platform has a ceiling of its own
        assertThat(limit.tryAcquire("pintaria")).isTrue();

        millis.set(Instant.parse("2026-03-02T09:15:59.999Z").toEpochMilli());
        assertThat(limit.tryAcquire("tokopedia")).as("still the same minute").isFalse();
        millis.set(Instant.parse("2026-03-02T09:16:00Z").toEpochMilli());
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAcquire("tokopedia")).as("a new minute, the whole ceiling again").isTrue();
        }
        assertThat(limit.tryAcquire("tokopedia")).isFalse();
    }

    @Test
    @DisplayName("a platform that starts late in a minute gets the whole ceiling, and the whole ceiling again at the turn (a count per minute, not a rate)")
    void fixedMinutes() {
        var limit = new PartnerRateLimit(2, clock);
        millis.set(Instant.parse("2026-03-02T09:15:58Z").toEpochMilli());
        assertThat(limit.tryAcquire("tokopedia")).isTrue();
        assertThat(limit.tryAcquire("tokopedia")).isTrue();
        assertThat(limit.tryAcquire("tokopedia")).isFalse();
        millis.set(Instant.parse("2026-03-02T09:16:01Z").toEpochMilli());
        assertThat(limit.tryAcquire("tokopedia")).isTrue();
        assertThat(limit.tryAcquire("tokopedia")).isTrue();
        assertThat(limit.tryAcquire("tokopedia")).isFalse();
    }
}
