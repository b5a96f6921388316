package org.prakerja.purchase;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * OTP requests per platform per minute, counted in this instance (a limit against a runaway
 * client, not an accounting; with N instances the effective limit is N times this).
 */
@Component
class PartnerRateLimit {

    private final long perMinute;
    private final ConcurrentHashMap<String, AtomicLong> windows = new ConcurrentHashMap<>();

    PartnerRateLimit(@Value("${prakerja.partner.otp-per-minute:60000}") long perMinute) {
        this.perMinute = perMinute;
    }

    boolean tryAcquire(String partnerId) {
        // real minutes, not the program's sandbox-movable Clock: this limits real traffic
        long minute = System.currentTimeMillis() / 60_000;
        var counter = windows.compute(partnerId + ":" + minute, (k, v) -> v == null ? new AtomicLong() : v);
        windows.keySet().removeIf(k -> !k.endsWith(":" + minute));
        return counter.incrementAndGet() <= perMinute;
    }
}
