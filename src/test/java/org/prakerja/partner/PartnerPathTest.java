package org.prakerja.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Journey;
import org.prakerja.support.ParticipantBuilder;
import org.prakerja.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Hardening 1: the signature filter, Spring Security and the router must read one and the same
 * path. Every request goes out byte for byte over a socket, as an attacker would send it.
 */
@IntegrationTest
class PartnerPathTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    OutboxRelay relay;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private String secretOf(String partnerId) {
        for (JsonNode p : api.get("/sandbox/partners").body()) {
            if (p.get("partnerId").asString().equals(partnerId)) {
                return p.get("secret").asString();
            }
        }
        throw new AssertionError("no seeded partner " + partnerId);
    }

    private RawHttp.Response signed(String partnerId, String method, String rawPath, String body) {
        String timestamp = OffsetDateTime.now(ZoneOffset.ofHours(7)).toString();
        String signature = Signatures.sign(secretOf(partnerId),
                Signatures.canonical(method, rawPath, body.getBytes(StandardCharsets.UTF_8), timestamp));
        Map<String, String> headers = new HashMap<>(Map.of("X-Partner-Id", partnerId, "X-Timestamp", timestamp,
                "X-Signature", signature, "Content-Type", "application/json"));
        if (method.equals("POST")) {
            headers.put("X-External-Id", UUID.randomUUID().toString());
        }
        return RawHttp.send(port, method, rawPath, headers, method.equals("GET") ? null : body);
    }

    private static void refusedAsBadPath(RawHttp.Response r, String path) {
        assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
        assertThat(r.code()).as(path).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().get("field").asString()).isEqualTo("path");
    }

    @Test
    @DisplayName("Hardening 1: an unsigned request to a percent-encoded partner path never reaches a handler")
    void unsignedEncodedPaths() {
        long otpsBefore = db.sql("SELECT count(*) FROM otp_challenge").query(Long.class).single();
        for (String path : List.of("/partner/%761/trainings", "/partner/%761/vouchers/PK-AAAAA-BBBBB",
                "/partner/%761/purchases/" + UUID.randomUUID())) {
            refusedAsBadPath(RawHttp.send(port, "GET", path, Map.of(), null), path);
        }
        var otp = RawHttp.send(port, "POST", "/partner/%761/otp", Map.of("Content-Type", "application/json"),
                "{\"cardNumber\":\"5898000000000000\",\"trainingId\":\"TR-001\"}");
        refusedAsBadPath(otp, "/partner/%761/otp");
        assertThat(db.sql("SELECT count(*) FROM otp_challenge").query(Long.class).single()).isEqualTo(otpsBefore);
    }

    @Test
    @DisplayName("Hardening 1: an institution's signature on an encoded platform path is refused, not served")
    void signedEncodedPathOfTheOtherRole() {
        refusedAsBadPath(signed("lp-cakap", "GET", "/partner/v1/%74rainings", ""), "/partner/v1/%74rainings");
        // the plain path is the platform's: the institution is told so
        var plain = signed("lp-cakap", "GET", "/partner/v1/trainings", "");
        assertThat(plain.status()).as(plain.body()).isEqualTo(403);
        assertThat(plain.code()).isEqualTo("WRONG_PARTNER_ROLE");
        // and the platform itself is served on the plain path
        assertThat(signed("tokopedia", "GET", "/partner/v1/trainings", "").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Hardening 1: dot, empty and encoded-slash segments, path parameters and case variants are refused before any handler, signed or not")
    void otherNonCanonicalForms() {
        for (String path : List.of("/partner//v1/trainings", "/partner/v1/./trainings", "/partner/v1/x/../trainings",
                "/partner/v1;a=b/trainings", "/partner/v1/trainings;jsessionid=1", "/partner/v1%2Ftrainings",
                "/partner/v1/%2e/trainings", "/PARTNER/v1/trainings", "/Partner/v1/trainings")) {
            refusedAsBadPath(RawHttp.send(port, "GET", path, Map.of(), null), path);
            refusedAsBadPath(signed("lp-cakap", "GET", path, ""), path);
        }
        // Tomcat itself refuses a NUL byte in the path, before any filter: a problem all the same
        var nul = RawHttp.send(port, "GET", "/partner/v1/trainings%00", Map.of(), null);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.header("Content-Type")).startsWith("application/problem+json");
        assertThat(nul.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    @DisplayName("Hardening 1: any path under /partner needs a signature, even one that does not exist")
    void everyPartnerPathIsSigned() {
        for (String path : List.of("/partner/v2/trainings", "/partner/trainings", "/partner")) {
            var r = RawHttp.send(port, "GET", path, Map.of(), null);
            assertThat(r.status()).as(path + " -> " + r.body()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("SIGNATURE_INVALID");
        }
        var signedUnknown = signed("tokopedia", "GET", "/partner/v2/trainings", "");
        assertThat(signedUnknown.status()).as(signedUnknown.body()).isEqualTo(404);
    }

    @Test
    @DisplayName("Hardening 1: the bearer chain reads the router's path too: a participant cannot reach the operator API through an encoded or dotted path")
    void bearerChainSiblings() {
        var who = ParticipantBuilder.aParticipant();
        String token = new Journey(api, relay).readyToApply(who).token();
        for (String path : List.of("/api/v1/%6Fps/ledger/reconciliation", "/api/v1/ops/%6Cedger/reconciliation",
                "/api/v1/ops//ledger/reconciliation", "/api/v1/x/../ops/ledger/reconciliation",
                "/api/v1/ops;x=y/ledger/reconciliation")) {
            var r = RawHttp.send(port, "GET", path, Map.of("Authorization", "Bearer " + token), null);
            refusedAsBadPath(r, path);
        }
        var plain = RawHttp.send(port, "GET", "/api/v1/ops/ledger/reconciliation", Map.of("Authorization", "Bearer " + token), null);
        assertThat(plain.status()).isEqualTo(403);
    }
}
