package org.prakerja.partner;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.prakerja.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every partner request by its HMAC signature (docs/api.md section 3), checks the
 * partner's role for the path, and hands POSTs to {@link Idempotency}. The timestamp window is
 * measured on the server's real wall clock, never the sandbox's test clock.
 */
class PartnerFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PartnerFilter.class);

    private final PartnerClients clients;
    private final Idempotency idempotency;
    private final ProblemWriter problems;
    private final Clock wallClock = Clock.systemUTC();

    PartnerFilter(PartnerClients clients, Idempotency idempotency, ProblemWriter problems) {
        this.clients = clients;
        this.idempotency = idempotency;
        this.problems = problems;
    }

    /**
     * Everything under {@code /partner}, by the raw path and by the decoded one the router matches
     * on: a path that is not under {@code /partner/v1/} still needs a signature before it can even
     * be told that it does not exist.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !underPartner(request.getRequestURI()) && !underPartner(request.getServletPath());
    }

    private static boolean underPartner(String path) {
        return path != null && (path.equals("/partner") || path.startsWith("/partner/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(SignedRequest.MAX_BODY + 1);
        String pathWithQuery = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Map<String, String> headers = new HashMap<>();
        for (String name : new String[] {"X-Partner-Id", "X-Timestamp", "X-Signature"}) {
            headers.put(name, request.getHeader(name));
        }
        var verdict = SignedRequest.verify(request.getMethod(), pathWithQuery, body, headers, clients::find,
                wallClock.instant());
        if (verdict instanceof SignedRequest.Rejected r) {
            log.info("partner request rejected partner={} code={}", safe(headers.get("X-Partner-Id")), r.code());
            if (r.field() != null) {
                problems.write(response, r.code(), r.detail(), Map.of("field", r.field()));
            } else {
                problems.write(response, r.code(), r.detail());
            }
            return;
        }
        var partner = switch (verdict) {
            case SignedRequest.Accepted accepted -> accepted.partner();
            case SignedRequest.Rejected rejected -> throw new IllegalStateException("answered above");
        };
        var role = SignedRequest.roleFor(request.getRequestURI());
        if (role.isPresent() && role.get() != partner.role()) {
            problems.write(response, "WRONG_PARTNER_ROLE", "this endpoint is for " + role.get() + " partners");
            return;
        }
        request.setAttribute(Partner.ATTRIBUTE, partner);
        var replayable = new CachedBodyRequest(request, body);
        if (request.getMethod().equals("POST")) {
            String externalId = request.getHeader("X-External-Id");
            if (externalId == null || externalId.isBlank() || externalId.length() > 100) {
                problems.write(response, "VALIDATION_FAILED", "X-External-Id header is required on every POST (1-100 characters)",
                        Map.of("field", "X-External-Id"));
                return;
            }
            idempotency.handle(partner, externalId, body, replayable, response, chain);
            return;
        }
        chain.doFilter(replayable, response);
    }

    private static String safe(String partnerId) {
        return partnerId == null ? "-" : partnerId.replaceAll("[^A-Za-z0-9-]", "?");
    }
}
