package org.prakerja.web;

import java.net.URI;
import java.util.Map;
import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problems with the stable {@code code} of docs/api.md. A code's HTTP status is the one its
 * {@link Refusal} names: the module that owns the code decides it, not this class.
 */
final class Problems {

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> refused(Refusal refusal, String detail) {
        return refused(refusal, detail, Map.of());
    }

    /** @param extra more members of the problem beside {@code code}, e.g. the field or the reason */
    public static ResponseEntity<ProblemDetail> refused(Refusal refusal, String detail, Map<String, Object> extra) {
        return of(refusal.status(), refusal.code(), detail, extra);
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
