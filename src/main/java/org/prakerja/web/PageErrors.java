package org.prakerja.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A browser that hits an error gets a page in its language, never JSON or a stack trace; the APIs
 * keep their problems ({@link ApiErrors}). Runs before the API's handlers and steps aside for API
 * requests ({@link WebRequests}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @Override
    @Nullable
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception e) {
        if (WebRequests.isApi(request) || e instanceof AccessDeniedException) {
            // Spring Security turns a denied page into the login or the 403 page itself
            return null;
        }
        HttpStatus status = statusOf(e);
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.error("unhandled error on a page", e);
        } else if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("database unavailable error={}", e.getClass().getSimpleName());
            response.setHeader("Retry-After", "5");
        }
        return page(status);
    }

    /** Also Spring Boot's error page (for errors outside a controller, e.g. a 403 from Spring Security). */
    @Bean
    static ErrorViewResolver errorPages() {
        return (request, status, model) -> page(status);
    }

    private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 413, 429, 503);

    static ModelAndView page(HttpStatusCode status) {
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        // the bundles explain these; every other status gets the general apology
        page.addObject("errorKey", EXPLAINED.contains(status.value()) ? String.valueOf(status.value()) : "other");
        return page;
    }

    private static HttpStatus statusOf(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (e instanceof RefusedException refused) {
            return refused.refusal().status();
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return HttpStatus.PAYLOAD_TOO_LARGE;
        }
        if (e instanceof ErrorResponse known) {
            // Spring's own: no such page (404), wrong method (405), a bad parameter (400)…
            return HttpStatus.valueOf(known.getStatusCode().value());
        }
        if (e instanceof TypeMismatchException) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
