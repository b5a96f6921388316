package org.prakerja.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.prakerja.common.CommonRefusal;

/**
 * Tomcat's last word on an error nothing else answered (it refused the request before the
 * application saw it): an RFC 9457 problem with the docs/api.md code for its status, never an HTML
 * page, a stack trace or the server's version.
 */
class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = codeFor(status).code();
        String body = "{\"type\":\"https://prakerja.example/problems/" + code.toLowerCase().replace('_', '-')
                + "\",\"title\":\"" + reason(status) + "\",\"status\":" + status + ",\"detail\":\""
                + detailFor(status) + "\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing left to tell it
        }
    }

    static CommonRefusal codeFor(int status) {
        return switch (status) {
            case 401 -> CommonRefusal.UNAUTHENTICATED;
            case 403 -> CommonRefusal.FORBIDDEN;
            case 404 -> CommonRefusal.NOT_FOUND;
            case 405 -> CommonRefusal.METHOD_NOT_ALLOWED;
            case 406 -> CommonRefusal.NOT_ACCEPTABLE;
            case 413 -> CommonRefusal.TOO_LARGE;
            case 415 -> CommonRefusal.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> CommonRefusal.RATE_LIMITED;
            case 503 -> CommonRefusal.SERVICE_UNAVAILABLE;
            default -> status < 500 ? CommonRefusal.VALIDATION_FAILED : CommonRefusal.INTERNAL_ERROR;
        };
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 400 -> "the request is malformed: check the path, the query and the headers";
            case 413 -> "the request is too large";
            case 414 -> "the request line is too long";
            case 431 -> "the request's headers are too large";
            default -> status < 500 ? "the request was refused" : "something went wrong on our side";
        };
    }

    private static String reason(int status) {
        var known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
