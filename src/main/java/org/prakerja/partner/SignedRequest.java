package org.prakerja.partner;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.prakerja.common.CommonRefusal;
import org.prakerja.common.Refusal;

/**
 * The checks on a partner request's headers and signature, apart from the servlet API so they can
 * be fuzzed on their own. Any input gives an answer: accepted, or refused with the docs/api.md code.
 */
final class SignedRequest {

    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MAX_BODY = 64 * 1024;

    sealed interface Verdict {
    }

    record Accepted(Partner partner) implements Verdict {
    }

    record Rejected(Refusal reason, String detail, String field) implements Verdict {
        String code() {
            return reason.code();
        }
    }

    private SignedRequest() {
    }

    /**
     * @param headers the request's X-Partner-Id, X-Timestamp and X-Signature (case as in docs/api.md)
     * @param secrets how to find a partner's credentials
     * @param now the server's real wall-clock time
     */
    static Verdict verify(String method, String pathWithQuery, byte[] body, Map<String, String> headers,
            java.util.function.Function<String, Optional<PartnerClients.Credentials>> secrets, Instant now) {
        String partnerId = headers.get("X-Partner-Id");
        String timestamp = headers.get("X-Timestamp");
        String signature = headers.get("X-Signature");
        if (partnerId == null || partnerId.isBlank() || partnerId.length() > 64) {
            return new Rejected(PartnerRefusal.SIGNATURE_INVALID, "X-Partner-Id is missing or unknown", null);
        }
        if (signature == null || signature.isBlank() || signature.length() > 200) {
            return new Rejected(PartnerRefusal.SIGNATURE_INVALID, "X-Signature is missing", null);
        }
        if (timestamp == null || timestamp.length() > 64) {
            return new Rejected(CommonRefusal.VALIDATION_FAILED, "X-Timestamp header is required", "X-Timestamp");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return new Rejected(CommonRefusal.VALIDATION_FAILED, "X-Timestamp must be ISO-8601 with an offset", "X-Timestamp");
        }
        if (Duration.between(at, now).abs().compareTo(WINDOW) > 0) {
            return new Rejected(PartnerRefusal.TIMESTAMP_OUT_OF_WINDOW, "X-Timestamp is more than 5 minutes from the server's clock", null);
        }
        if (body.length > MAX_BODY) {
            return new Rejected(CommonRefusal.VALIDATION_FAILED, "the body is larger than 64 KiB", "body");
        }
        var credentials = secrets.apply(partnerId);
        if (credentials.isEmpty()
                || !Signatures.matches(credentials.get().secret(), Signatures.canonical(method, pathWithQuery, body, timestamp), signature)) {
            return new Rejected(PartnerRefusal.SIGNATURE_INVALID, "the signature does not match", null);
        }
        return new Accepted(new Partner(credentials.get().partnerId(), credentials.get().role()));
    }

    /** Which role may call a path: platforms buy, institutions run trainings. */
    static Optional<PartnerRole> roleFor(String path) {
        if (!path.startsWith("/partner/v1/")) {
            return Optional.empty();
        }
        String p = path.substring("/partner/v1".length());
        if (p.equals("/trainings") || p.equals("/otp") || p.startsWith("/purchases")) {
            return Optional.of(PartnerRole.PLATFORM);
        }
        if (p.equals("/redemptions") || p.startsWith("/vouchers")) {
            return Optional.of(PartnerRole.INSTITUTION);
        }
        return Optional.empty();
    }
}
