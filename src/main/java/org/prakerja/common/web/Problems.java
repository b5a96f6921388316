package org.prakerja.common.web;

import java.net.URI;
import java.util.Map;
import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problems with the stable {@code code} of API.md. The one place where an error code gets
 * its HTTP status: "409 unless said".
 */
public final class Problems {

    private static final Map<String, HttpStatus> STATUS = Map.ofEntries(
            Map.entry("VALIDATION_FAILED", HttpStatus.BAD_REQUEST),
            Map.entry("UNAUTHENTICATED", HttpStatus.UNAUTHORIZED),
            Map.entry("BAD_CREDENTIALS", HttpStatus.UNAUTHORIZED),
            Map.entry("FORBIDDEN", HttpStatus.FORBIDDEN),
            Map.entry("NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("PARTICIPANT_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("WAVE_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("JOB_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("CARD_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("VOUCHER_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("IDENTITY_NOT_VERIFIED", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("CODE_INVALID", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("CODE_EXPIRED", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("CODE_LOCKED", HttpStatus.TOO_MANY_REQUESTS),
            Map.entry("HOLDER_NAME_MISMATCH", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("METHOD_NOT_ALLOWED", HttpStatus.METHOD_NOT_ALLOWED),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
            Map.entry("RATE_LIMITED", HttpStatus.TOO_MANY_REQUESTS),
            Map.entry("SIGNATURE_INVALID", HttpStatus.UNAUTHORIZED),
            Map.entry("TIMESTAMP_OUT_OF_WINDOW", HttpStatus.UNAUTHORIZED),
            Map.entry("WRONG_PARTNER_ROLE", HttpStatus.FORBIDDEN),
            Map.entry("IDEMPOTENCY_KEY_REUSED", HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry("OTP_INVALID", HttpStatus.UNAUTHORIZED),
            Map.entry("OTP_LOCKED", HttpStatus.TOO_MANY_REQUESTS),
            Map.entry("VOUCHER_NOT_YOURS", HttpStatus.FORBIDDEN),
            Map.entry("TRAINING_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("CERTIFICATE_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("TICKET_NOT_FOUND", HttpStatus.NOT_FOUND),
            Map.entry("INTERNAL_ERROR", HttpStatus.INTERNAL_SERVER_ERROR),
            Map.entry("SERVICE_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE));

    private Problems() {
    }

    public static HttpStatus statusOf(String code) {
        return STATUS.getOrDefault(code, HttpStatus.CONFLICT);
    }

    public static ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        return of(refusal.code(), refusal.detail());
    }

    public static ResponseEntity<ProblemDetail> of(String code, String detail) {
        return of(code, detail, Map.of());
    }

    public static ResponseEntity<ProblemDetail> of(String code, String detail, Map<String, Object> extra) {
        var status = statusOf(code);
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create("https://prakerja.example/problems/" + code.toLowerCase().replace('_', '-')));
        problem.setProperty("code", code);
        extra.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
