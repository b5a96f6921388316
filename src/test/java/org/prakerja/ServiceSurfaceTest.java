package org.prakerja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.support.Api;
import org.prakerja.support.ApiDocument;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health, metrics and the OpenAPI document describe what runs. */
@IntegrationTest
class ServiceSurfaceTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    @DisplayName("health and Prometheus metrics are served")
    void healthAndMetrics() {
        assertThat(api.get("/actuator/health").body().get("status").asString()).isEqualTo("UP");
        var prometheus = api.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.raw()).contains("http_server_requests").contains("hikaricp_connections");
    }

    @Test
    @DisplayName("the OpenAPI document lists every endpoint of the participant and operator APIs")
    void openApi() {
        var doc = api.get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        var paths = doc.body().get("paths");
        for (var path : List.of("/api/v1/registrations", "/api/v1/registrations/{participantId}/verifications",
                "/api/v1/sessions", "/api/v1/basic-test", "/api/v1/waves", "/api/v1/waves/{number}/applications",
                "/api/v1/me", "/api/v1/me/card", "/api/v1/ops/waves", "/api/v1/ops/waves/{number}/transitions",
                "/api/v1/ops/waves/{number}/selection", "/api/v1/ops/waves/{number}/announcement",
                "/api/v1/ops/jobs/{jobId}", "/api/v1/ops/jobs/{kind}", "/api/v1/ops/ledger/reconciliation",
                "/api/v1/ops/reports/summary")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(doc.raw()).contains("NOT_ELIGIBLE").contains("ILLEGAL_TRANSITION").contains("VALIDATION_FAILED")
                .contains("LOGIN_LOCKED").contains("RESET_TOKEN_INVALID").contains("TOO_MANY_ATTACHMENTS");
        for (var path : List.of("/partner/v1/trainings", "/partner/v1/otp", "/partner/v1/purchases",
                "/partner/v1/purchases/{purchaseId}", "/partner/v1/purchases/{purchaseId}/refund", "/partner/v1/redemptions",
                "/partner/v1/vouchers/{code}", "/partner/v1/vouchers/{code}/pretest", "/partner/v1/vouchers/{code}/completion",
                "/api/v1/trainings", "/api/v1/me/vouchers", "/api/v1/me/vouchers/{code}/resend",
                "/api/v1/me/vouchers/{code}/review", "/api/v1/certificates/{number}", "/api/v1/complaints",
                "/api/v1/complaints/{ticket}", "/api/v1/complaints/{ticket}/messages", "/api/v1/complaints/{ticket}/attachments",
                "/api/v1/password-resets", "/api/v1/password-resets/{token}", "/api/v1/ops/complaints",
                "/api/v1/ops/complaints/{ticket}", "/api/v1/ops/complaints/{ticket}/attachments/{attachmentId}",
                "/api/v1/ops/audit")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        var purchase = paths.get("/partner/v1/purchases").get("post");
        assertThat(purchase.get("parameters").toString()).contains("X-Signature").contains("X-Timestamp")
                .contains("X-Partner-Id").contains("X-External-Id");
        assertThat(purchase.toString()).contains("INSUFFICIENT_BALANCE").contains("OTP_LOCKED")
                .contains("SIGNATURE_INVALID").contains("IDEMPOTENCY_KEY_REUSED");
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("an answer the OpenAPI document does not describe fails the test that received it")
    void documentCheckCanFail() {
        var document = ApiDocument.published(port).orElseThrow();
        assertThat(document.mismatches("GET", "/sandbox/inbox?to=x", 200, "application/json",
                "[{\"channel\":\"EMAIL\",\"to\":\"x\",\"subject\":null,\"body\":\"b\",\"sentAt\":\"2026-01-01T00:00:00Z\"}]"))
                .isEmpty();
        assertThat(document.mismatches("GET", "/sandbox/inbox?to=x", 200, "application/json", "[{\"subject\":5}]"))
                .singleElement().asString().contains("GET /sandbox/inbox 200").contains("subject");
        assertThat(document.mismatches("POST", "/api/v1/sessions", 200, "application/json", "{\"token\":\"t\"}"))
                .singleElement().asString().contains("POST /api/v1/sessions answered 200, which it does not declare");
        assertThat(document.mismatches("POST", "/api/v1/sessions", 401, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"d\",\"code\":\"OTP_INVALID\"}"))
                .singleElement().asString().contains("code");
        assertThatThrownBy(() -> document.check("GET", "/api/v1/waves", 200, "application/json", "{\"items\":5}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /api/v1/waves 200");
    }

    @Test
    @DisplayName("unknown paths and unauthenticated calls get problems, never stack traces")
    void problems() {
        var unknown = api.get("/api/v1/nothing-here");
        assertThat(unknown.status()).isIn(401, 404);
        var me = api.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.code()).isEqualTo("UNAUTHENTICATED");
        var forged = api.get("/api/v1/me", "not-a-real-token");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    @DisplayName("an auditor may read operator data but not change it; a participant may do neither")
    void roles() {
        String auditor = api.login("auditor@prakerja.test", "auditor-sandbox-1");
        assertThat(api.get("/api/v1/ops/ledger/reconciliation", auditor).status()).isEqualTo(200);
        var write = api.post("/api/v1/ops/jobs/outbox-relay", "", auditor);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.code()).isEqualTo("FORBIDDEN");
    }
}
