package org.prakerja.common.web;

import java.net.URI;
import java.util.Map;
import org.prakerja.common.CommonRefusal;
import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problems with the stable {@code code} of API.md. A code's HTTP status is the one its
 * {@link Refusal} names: the module that owns the code decides it, not this class.
 */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> refused(Refusal refusal, String detail) {
        return refused(refusal, detail, Map.of());
    }

    /** @param extra more members of the problem beside {@code code}, e.g. the field or the reason */
    public static ResponseEntity<ProblemDetail> refused(Refusal refusal, String detail, Map<String, Object> extra) {
        return of(refusal.status(), refusal.code(), detail, extra);
    }

    /**
     * For a caller that still names its code as a string (job/JobController, until its codes are
     * an enum of its own): a generic code gets its {@link CommonRefusal} status; any other code
     * API.md's "409 unless said", except a {@code *_NOT_FOUND}, which is 404.
     *
     * @deprecated answer with a module's {@link Refusal}: {@link RefusedException}
     */
    @Deprecated
    public static ResponseEntity<ProblemDetail> of(String code, String detail) {
        HttpStatus status = CommonRefusal.byCode(code).map(CommonRefusal::status)
                .orElse(code.endsWith("_NOT_FOUND") ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
        return of(status, code, detail, Map.of());
    }

    private static ResponseEntity<ProblemDetail> of(HttpStatus status, String code, String detail,
            Map<String, Object> extra) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create("https://prakerja.example/problems/" + code.toLowerCase().replace('_', '-')));
        problem.setProperty("code", code);
        extra.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
