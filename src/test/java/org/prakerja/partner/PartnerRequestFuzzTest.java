package org.prakerja.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jazzer: whatever a caller sends (method, path, headers, body), the partner request checks give
 * an answer with an docs/api.md code and never throw, so no input can cause a 500; and only a request
 * signed with the partner's secret is accepted.
 */
class PartnerRequestFuzzTest {

    private static final String SECRET = "fuzz-secret";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest(maxDuration = "20s")
    void everyRequestGetsAnAnswer(FuzzedDataProvider data) {
        String method = data.pickValue(new String[] {"GET", "POST", "PUT", "DELETE", "PATCH"});
        String path = "/partner/v1/" + data.consumeString(80);
        String timestamp = data.consumeBoolean()
                ? OffsetDateTime.ofInstant(NOW.plusSeconds(data.consumeInt(-600, 600)), ZoneOffset.ofHours(7)).toString()
                : data.consumeString(40);
        String partnerId = data.consumeBoolean() ? "tokopedia" : data.consumeString(70);
        boolean signProperly = data.consumeBoolean();
        String forged = data.consumeString(120);
        byte[] body = data.consumeRemainingAsBytes();

        Map<String, String> headers = new HashMap<>();
        headers.put("X-Partner-Id", partnerId);
        headers.put("X-Timestamp", timestamp);
        String signature = signProperly ? Signatures.sign(SECRET, Signatures.canonical(method, path, body, timestamp)) : forged;
        headers.put("X-Signature", signature);

        var verdict = SignedRequest.verify(method, path, body, headers,
                id -> id.equals("tokopedia")
                        ? Optional.of(new PartnerClients.Credentials("tokopedia", PartnerRole.PLATFORM, "Tokopedia", SECRET))
                        : Optional.empty(),
                NOW);
        switch (verdict) {
            case SignedRequest.Accepted accepted -> {
                assertThat(accepted.partner().id()).isEqualTo("tokopedia");
                assertThat(Signatures.matches(SECRET, Signatures.canonical(method, path, body, timestamp), signature)).isTrue();
            }
            case SignedRequest.Rejected rejected -> assertThat(rejected.code())
                    .isIn("SIGNATURE_INVALID", "TIMESTAMP_OUT_OF_WINDOW", "VALIDATION_FAILED");
        }
        SignedRequest.roleFor(path);
        try {
            JSON.readTree(body);
        } catch (JacksonException expected) {
            // malformed JSON is answered with 400 VALIDATION_FAILED by the error handler
        }
    }
}
