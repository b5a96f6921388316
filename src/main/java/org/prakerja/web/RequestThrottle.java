package org.prakerja.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.prakerja.common.CommonRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per client address, a ceiling on the requests a password guesser or a bulk registrar needs:
 * wrong logins, registrations and password-reset requests, each counted per wall-clock minute (429
 * RATE_LIMITED with Retry-After past it). The address is the connection's, or the X-Forwarded-For
 * of a trusted proxy (Tomcat's RemoteIpValve, server.forward-headers-strategy). Ceilings are
 * generous: many phones share one carrier address.
 *
 * <p>Counted in Bucket4j buckets kept in PostgreSQL ({@code throttle_bucket}), one per path and
 * address, shared by every instance: the ceiling holds however many instances serve. Each bucket
 * holds the ceiling's tokens and fills up whole at each turn of the minute, so it counts a minute
 * as a counter cleared at the turn would. A request takes its token before it goes on, in a
 * transaction that locks the bucket's row (requests from one address at once on one instance share
 * one such transaction), so requests at once cannot all pass on the same count. Where only refused
 * attempts count (logins), a login that was not refused gives its token back afterwards: a login
 * still under way holds a token until its answer is known.
 *
 * <p>Once an address is past its ceiling, this instance answers it from memory until the minute
 * turns, so a flood of refused requests costs the database nothing (a token given back elsewhere
 * in that minute is then seen only at the turn).
 */
final class RequestThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestThrottle.class);

    /** Any turn of a minute: the buckets fill up at this one and at every minute after it. */
    private static final Instant A_MINUTE_TURN = Instant.parse("2000-01-01T00:00:00Z");
    /** How long a full bucket is kept before it may be deleted: a missing bucket is a full one. */
    private static final Duration KEPT_WHEN_FULL = Duration.ofSeconds(5);
    /** Expired buckets are deleted at most this often, in batches of this size. */
    private static final long CLEANUP_EVERY_MILLIS = 60_000;
    private static final int CLEANUP_BATCH = 1_000;

    /** POST paths and their ceiling per address per minute. */
    private final Map<String, Integer> perMinute;
    /** Per path, how its buckets are made: its ceiling, and that ceiling taken over by a bucket made with another. */
    private final Map<String, RemoteBucketBuilder<String>> bucketsOf;
    private final Map<String, BucketConfiguration> configurations;
    /**
     * Paths where only refused attempts count: a guesser's wrong passwords, not the logins of the
     * many people a mobile carrier puts behind one address on announcement day.
     */
    private final Set<String> countedWhenRefused = Set.of("/api/v1/sessions", "/login");
    private final ProblemWriter problems;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    /** Path and address past their ceiling in this minute, and until when (epoch milliseconds). */
    private final Cache<String, Long> refusedUntil = Caffeine.newBuilder()
            .expireAfter(Expiry.creating((String key, Long until) ->
                    Duration.ofMillis(Math.max(0, until - System.currentTimeMillis()))))
            .maximumSize(100_000)
            .build();
    /**
     * The buckets this instance has used lately. One object per bucket, so that requests from one
     * address at once share a database transaction (Bucket4j's batching: while one takes its token,
     * the others wait and then go together): one carrier address on announcement day does not turn
     * into a queue of transactions on one row.
     */
    private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).maximumSize(100_000).build();
    private final AtomicLong nextCleanup = new AtomicLong();

    RequestThrottle(Map<String, Integer> perMinute, DataSource dataSource, ProblemWriter problems) {
        this.perMinute = perMinute;
        this.problems = problems;
        // real minutes, not the program's sandbox-movable Clock: this limits real traffic (Bucket4j's
        // client clock is System.currentTimeMillis)
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("throttle_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_WHEN_FULL))
                .build();
        this.configurations = perMinute.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> BucketConfiguration.builder()
                        .addLimit(limit -> limit.capacity(e.getValue())
                                .refillIntervallyAligned(e.getValue(), Duration.ofMinutes(1), A_MINUTE_TURN))
                        .build()));
        // a bucket made under another ceiling (another deployment) takes this one over and keeps
        // what its minute has used
        this.bucketsOf = perMinute.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> buckets.builder().withImplicitConfigurationReplacement(e.getValue(), TokensInheritanceStrategy.ADDITIVE)
                        .withOptimization(Optimizations.batching())));
    }

    /**
     * Takes a token. Requests batched behind the one that makes an address's bucket can fail with
     * Bucket4j's BucketNotFoundException (their merged command carries no configuration to make
     * it): those take theirs again, unbatched, which makes the bucket when it is still missing.
     */
    private ConsumptionProbe consume(BucketProxy bucket, String path, String key) {
        try {
            return bucket.tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            if (!notFound(e)) {
                throw e;
            }
            return buckets.builder().withImplicitConfigurationReplacement(perMinute.get(path), TokensInheritanceStrategy.ADDITIVE)
                    .build(key, configurations.get(path)).tryConsumeAndReturnRemaining(1);
        }
    }

    private static boolean notFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.github.bucket4j.distributed.proxy.BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    /** Whether POSTs to this path are counted (the API document lists 429 for them). */
    boolean limits(String path) {
        return perMinute.containsKey(path);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getMethod().equals("POST") || !perMinute.containsKey(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String key = path + " " + request.getRemoteAddr();
        long now = System.currentTimeMillis();
        Long until = refusedUntil.getIfPresent(key);
        if (until != null && until > now) {
            tooMany(request, response, until - now);
            return;
        }
        cleanUpNowAndThen(now);
        BucketProxy bucket = proxies.get(key, k -> bucketsOf.get(path).build(k, configurations.get(path)));
        ConsumptionProbe probe;
        try {
            probe = consume(bucket, path, key);
        } catch (RuntimeException e) {
            if (DatabaseOutage.causedBy(e)) {
                unavailable(request, response);
                return;
            }
            throw e;
        }
        if (!probe.isConsumed()) {
            long wait = Math.max(1, probe.getNanosToWaitForRefill() / 1_000_000);
            if (refusedUntil.asMap().putIfAbsent(key, now + wait) == null) {
                log.warn("throttled path={} address={}", path, mask(request.getRemoteAddr()));
            }
            tooMany(request, response, wait);
            return;
        }
        if (!countedWhenRefused.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        boolean refused = false;
        try {
            chain.doFilter(request, response);
            refused = refused(response);
        } finally {
            if (!refused) {
                giveBack(bucket, path);
            }
        }
    }

    /** The token of a login that was not refused goes back: a failure here only leaves it taken. */
    private static void giveBack(BucketProxy bucket, String path) {
        try {
            bucket.addTokens(1);
        } catch (RuntimeException e) {
            log.warn("throttle token not given back path={} error={}", path, e.getClass().getSimpleName());
        }
    }

    private void tooMany(HttpServletRequest request, HttpServletResponse response, long waitMillis) throws IOException {
        // the seconds until the minute turns, 1 to 60
        response.setHeader("Retry-After", Long.toString(Math.min(60, Math.max(1, (waitMillis + 999) / 1000))));
        if (WebRequests.isPage(request)) {
            // a person's form: the error page says to wait a minute, in their language
            response.sendError(429);
        } else {
            problems.write(response, CommonRefusal.RATE_LIMITED, "too many requests from your address; try again in a minute");
        }
    }

    /** The buckets' database is down or out of reach: the request could not be served anyway. */
    private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.warn("database unavailable: throttle cannot count path={}", request.getRequestURI());
        response.setHeader("Retry-After", "5");
        if (WebRequests.isPage(request)) {
            response.sendError(503);
        } else {
            problems.write(response, CommonRefusal.SERVICE_UNAVAILABLE,
                    "the service cannot reach its database; retry in a few seconds");
        }
    }

    /**
     * At most once a minute per instance, buckets full again are deleted, in the background: a
     * missing bucket is a full one, so nothing waits for this and nothing is lost if it fails.
     */
    private void cleanUpNowAndThen(long now) {
        long next = nextCleanup.get();
        if (now < next || !nextCleanup.compareAndSet(next, now + CLEANUP_EVERY_MILLIS)) {
            return;
        }
        Thread.ofVirtual().name("throttle-cleanup").start(() -> {
            try {
                // bounded: a hundred batches a minute is far more addresses than a minute brings
                for (int i = 0; i < 100 && buckets.removeExpired(CLEANUP_BATCH) == CLEANUP_BATCH; i++) {
                    // the next batch
                }
            } catch (RuntimeException e) {
                log.info("throttle cleanup failed, next one in a minute error={}", e.getClass().getSimpleName());
            }
        });
    }

    /** The API answers a refused login 401; the login form sends the person back to itself. */
    private static boolean refused(HttpServletResponse response) {
        String location = response.getHeader("Location");
        return response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
                || (location != null && location.endsWith("/login"));
    }

    /** An address in logs without its last part (personal data in some readings of the law). */
    private static String mask(String address) {
        int cut = Math.max(address.lastIndexOf('.'), address.lastIndexOf(':'));
        return cut < 0 ? "?" : address.substring(0, cut + 1) + "x";
    }
}
