package org.prakerja.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.prakerja.common.CommonRefusal;
import org.prakerja.web.WebRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per client address, a ceiling on the requests a password guesser or a bulk registrar needs:
 * wrong logins, registrations and password-reset requests, each counted per minute (429 RATE_LIMITED
 * with Retry-After past it). Counted in this instance's memory: with N instances behind a load
 * balancer a client gets at most N times the ceiling, still far from what guessing needs. The
 * address is the connection's, or the X-Forwarded-For of a trusted proxy (Tomcat's RemoteIpValve,
 * server.forward-headers-strategy). Ceilings are generous: many phones share one carrier address.
 */
final class RequestThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestThrottle.class);

    /** POST paths and their ceiling per address per minute. */
    private final Map<String, Integer> perMinute;
    /**
     * Paths where only refused attempts count: a guesser's wrong passwords, not the logins of the
     * many people a mobile carrier puts behind one address on announcement day.
     */
    private final java.util.Set<String> countedWhenRefused = java.util.Set.of("/api/v1/sessions", "/login");
    private final ProblemWriter problems;
    private final LongSupplier millis;
    private final ConcurrentHashMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private volatile long window = -1;

    RequestThrottle(Map<String, Integer> perMinute, ProblemWriter problems, LongSupplier millis) {
        this.perMinute = perMinute;
        this.problems = problems;
        this.millis = millis;
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
        // real minutes, not the program's sandbox-movable Clock: this limits real traffic
        long now = millis.getAsLong();
        long minute = now / 60_000;
        if (minute != window) {
            window = minute;
            counters.clear();
        }
        String path = request.getRequestURI();
        var counter = counters.computeIfAbsent(path + " " + request.getRemoteAddr(), k -> new AtomicInteger());
        boolean onlyFailures = countedWhenRefused.contains(path);
        int count = onlyFailures ? counter.get() + 1 : counter.incrementAndGet();
        if (count > perMinute.get(path)) {
            if (count == perMinute.get(path) + 1) {
                log.warn("throttled path={} address={}", path, mask(request.getRemoteAddr()));
            }
            response.setHeader("Retry-After", Long.toString(60 - (now / 1000) % 60));
            if (WebRequests.isPage(request)) {
                // a person's form: the error page says to wait a minute, in their language
                response.sendError(429);
            } else {
                problems.write(response, CommonRefusal.RATE_LIMITED, "too many requests from your address; try again in a minute");
            }
            return;
        }
        chain.doFilter(request, response);
        if (onlyFailures && refused(response)) {
            counter.incrementAndGet();
        }
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
