package org.prakerja.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.prakerja.common.CommonRefusal;
import org.prakerja.web.WebRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any authentication, what no endpoint may receive: a path that is not in its
 * {@link CanonicalPath one form} (every security decision after this reads the path the router
 * will use), a control character in the query (a NUL byte would reach PostgreSQL and fail there),
 * and a body over the limit (read whole, it would cost memory and time before any check).
 */
final class EdgeFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EdgeFilter.class);

    private final ProblemWriter problems;
    private final long maxJsonBody;

    EdgeFilter(ProblemWriter problems, long maxJsonBody) {
        this.problems = problems;
        this.maxJsonBody = maxJsonBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = CanonicalPath.refusal(request.getRequestURI());
        if (path.isPresent()) {
            log.info("request refused: path not canonical method={} reason={}", request.getMethod(), path.get());
            problems.write(response, CommonRefusal.VALIDATION_FAILED, path.get(), Map.of("field", "path"));
            return;
        }
        var parameter = parameterWithControlCharacter(request.getQueryString());
        if (parameter.isPresent()) {
            problems.write(response, CommonRefusal.VALIDATION_FAILED,
                    parameter.get() + " must not hold control characters", Map.of("field", parameter.get()));
            return;
        }
        // multipart uploads have their own limits (spring.servlet.multipart.*)
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase().startsWith("multipart/");
        if (!multipart && request.getContentLengthLong() > maxJsonBody) {
            problems.write(response, CommonRefusal.TOO_LARGE, "the body is larger than " + maxJsonBody + " bytes");
            return;
        }
        if (multipart && WebRequests.isPage(request) && !partsReadable(request, response)) {
            return;
        }
        chain.doFilter(multipart ? request : new BoundedBodyRequest(request, maxJsonBody), response);
    }

    /**
     * A page's multipart form is read here, before the CSRF check reads its token from it: one past
     * the multipart limits (spring.servlet.multipart) then gets the 413 page instead of the
     * container's exception; a malformed one the 400 page.
     */
    private static boolean partsReadable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            request.getParts();
            return true;
        } catch (IllegalStateException | ServletException | IOException | IllegalArgumentException e) {
            boolean tooLarge = false;
            for (Throwable t = e; t != null && !tooLarge; t = t.getCause()) {
                tooLarge = t.getClass().getSimpleName().contains("SizeLimitExceeded")
                        || t.getClass().getSimpleName().contains("SizeException");
            }
            log.info("page form refused: multipart unreadable tooLarge={}", tooLarge);
            response.sendError(tooLarge ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
            return false;
        }
    }

    /** The name of the first query parameter whose name or value holds a control character, decoded. */
    static Optional<String> parameterWithControlCharacter(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name == null || value == null || hasControlCharacter(name) || hasControlCharacter(value)) {
                String shown = name == null ? "query" : name.replaceAll("[^A-Za-z0-9_.\\-\\[\\]]", "?");
                return Optional.of(shown.isEmpty() ? "query" : shown);
            }
        }
        return Optional.empty();
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F);
    }
}
