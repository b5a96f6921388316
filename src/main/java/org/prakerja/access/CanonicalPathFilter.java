package org.prakerja.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.prakerja.common.CommonRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any authentication, a request whose path is not in its {@link CanonicalPath one
 * form}: every security decision after it (partner signatures, bearer tokens, role matchers) then
 * reads the same path the router will use.
 */
final class CanonicalPathFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CanonicalPathFilter.class);

    private final ProblemWriter problems;

    CanonicalPathFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var refusal = CanonicalPath.refusal(request.getRequestURI());
        if (refusal.isPresent()) {
            log.info("request refused: path not canonical method={} reason={}", request.getMethod(), refusal.get());
            problems.write(response, CommonRefusal.VALIDATION_FAILED, refusal.get(), Map.of("field", "path"));
            return;
        }
        chain.doFilter(request, response);
    }
}
