package org.prakerja.purchase;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * OTP requests per platform per minute, counted in this instance (a limit against a runaway
 * client, not an accounting; with N instances the effective limit is N times this). A Bucket4j
 * bucket per platform that fills up whole at each turn of the wall-clock minute: the count of a
 * minute, as before, without the lock of a shared counter.
 */
@Component
class PartnerRateLimit {

    /** Any turn of a minute: the buckets refill at this one and every minute after it. */
    private static final Instant A_MINUTE_TURN = Instant.parse("2000-01-01T00:00:00Z");

    private final Bandwidth perMinute;
    private final TimeMeter clock;
    /** A bucket untouched for two minutes is full again, so forgetting it changes nothing. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).build();

    @Autowired
    PartnerRateLimit(@Value("${prakerja.partner.otp-per-minute:60000}") long perMinute) {
        // real minutes, not the program's sandbox-movable Clock: this limits real traffic
        this(perMinute, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** With a clock of its own, for tests; it must be a wall clock, as minutes turn on it. */
    PartnerRateLimit(long perMinute, TimeMeter clock) {
        this.perMinute = Bandwidth.builder().capacity(perMinute)
                .refillIntervallyAligned(perMinute, Duration.ofMinutes(1), A_MINUTE_TURN).build();
        this.clock = clock;
    }

    boolean tryAcquire(String partnerId) {
        return buckets.get(partnerId, id -> Bucket.builder().addLimit(perMinute).withCustomTimePrecision(clock).build())
                .tryConsume(1);
    }
}
