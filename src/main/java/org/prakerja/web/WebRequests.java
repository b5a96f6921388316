package org.prakerja.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Which requests are a person's browser asking for a page, and which are a program calling an API.
 * The two get different security (sessions and CSRF for pages, tokens or signatures for APIs) and
 * different errors (a page, or a problem in JSON).
 *
 * <p>The sandbox shares its paths between both: {@code GET /sandbox/inbox} answers JSON to a
 * script and a page to a browser (one that asks for {@code text/html}), and a form posted to
 * {@code /sandbox/clock} is the page's, JSON posted there is the script's.
 */
public final class WebRequests {

    private static final String[] API_PREFIXES = {"/api/", "/partner/", "/actuator", "/v3/api-docs", "/swagger-ui"};

    private WebRequests() {
    }

    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : API_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        if (path.startsWith("/sandbox/") && !path.startsWith("/sandbox/store/") && !path.startsWith("/sandbox/lms/")) {
            return !fromBrowser(request);
        }
        return false;
    }

    public static boolean isPage(HttpServletRequest request) {
        return !isApi(request);
    }

    /** A page asked for by a browser, or a form it posted. */
    private static boolean fromBrowser(HttpServletRequest request) {
        if (HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())) {
            String accept = request.getHeader("Accept");
            return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
        }
        String contentType = request.getContentType();
        return contentType != null && (contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                || contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
    }
}
