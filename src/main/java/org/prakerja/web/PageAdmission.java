package org.prakerja.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.prakerja.web.WebRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages are drawn in turns: at most {@code prakerja.web.pages-at-once} at a time (by default two per
 * core), the others waiting in the order they came, for up to {@code prakerja.web.page-wait}; past
 * that, the person gets the "busy, try again" page (503 with Retry-After) rather than a page that
 * never comes.
 *
 * <p>Why: requests run on virtual threads, which nothing limits. Thirty pages drawn at once on two
 * cores each take thirty times as long, and the unlucky ones far longer still: at 32 sessions the
 * dashboard's p99 was 215 ms with a median of 29 ms. Drawn in turns at the same rate, every page takes
 * close to the average, and the p99 fell under 90 ms (bench/RESULTS.md).
 *
 * <p>Not admitted here: the APIs, whose work is mostly waiting for the database and is bounded by the
 * connection pool (and the sandbox's demo pages call the partner API on this same service, which must
 * never wait behind them); static files, cheap and wanted right after their page; uploads and
 * downloads (complaint attachments, the console's CSV), which go at the pace of the person's
 * connection; and error pages, drawn after the turn has ended.
 */
final class PageAdmission extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PageAdmission.class);

    private final Semaphore turns;
    private final long waitNanos;
    private final AtomicLong lastWarned = new AtomicLong();

    PageAdmission(int atOnce, Duration wait) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("prakerja.web.pages-at-once must be at least 1, was " + atOnce);
        }
        this.turns = new Semaphore(atOnce, true);
        this.waitNanos = wait.toNanos();
    }

    /**
     * Two per core: enough to keep the cores busy while some pages wait for the database. Measured on
     * two cores, four at once drew the dashboard at 682/s with a p99 of 93 ms, eight at 566 to 633/s.
     */
    static int byDefault() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    /** How many pages are waiting for their turn now. */
    int waiting() {
        return turns.getQueueLength();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String contentType = request.getContentType();
        return path.startsWith("/assets/") || path.startsWith("/webjars/") || WebRequests.isApi(request)
                // paced by the person's connection, not by the cores: a turn held through a slow
                // phone's upload or download would keep everyone else's page waiting
                || (contentType != null && contentType.startsWith("multipart/"))
                || path.contains("/attachments/") || path.endsWith(".csv");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            warnAtMostOnceAMinute();
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    private void warnAtMostOnceAMinute() {
        long now = System.nanoTime();
        long last = lastWarned.get();
        if ((last == 0 || now - last > TimeUnit.MINUTES.toNanos(1)) && lastWarned.compareAndSet(last, now)) {
            log.warn("pages refused as busy: none could start within {} ms; {} waiting", waitNanos / 1_000_000,
                    turns.getQueueLength());
        }
    }
}
