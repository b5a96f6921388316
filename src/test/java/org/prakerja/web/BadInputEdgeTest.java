package org.prakerja.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.CardHolders;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.support.ParticipantBuilder;
import org.prakerja.support.PartnerApi;
import org.prakerja.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hardening 8..11: odd input is a 4xx problem with a code, never a 500, an HTML page or Spring's
 * default error JSON, and it changes nothing.
 */
@IntegrationTest
class BadInputEdgeTest {

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

    private static void problem(RawHttp.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.body()).isEqualTo(code);
        assertThat(r.body()).doesNotContain("Exception", "<html", "at org.");
    }

    private RawHttp.Response postJson(String path, String body) {
        return RawHttp.send(port, "POST", path, Map.of("Content-Type", "application/json"), body);
    }

    @Test
    @DisplayName("Hardening 8: a NUL byte in a query, a JSON string or a path is 400 VALIDATION_FAILED naming the field, never a database error")
    void nulBytes() {
        var query = RawHttp.send(port, "GET", "/api/v1/trainings?q=abc%00def", Map.of(), null);
        problem(query, 400, "VALIDATION_FAILED");
        assertThat(query.json().get("field").asString()).isEqualTo("q");

        var login = postJson("/api/v1/sessions", "{\"email\":\"a\\u0000b@example.id\",\"password\":\"x\"}");
        problem(login, 400, "VALIDATION_FAILED");
        assertThat(login.json().get("field").asString()).isEqualTo("email");

        long participants = db.sql("SELECT count(*) FROM participant").query(Long.class).single();
        var body = api.json(ParticipantBuilder.aParticipant().body()).replace("\"city\":\"", "\"city\":\"Band\\u0000");
        var registration = postJson("/api/v1/registrations", body);
        problem(registration, 400, "VALIDATION_FAILED");
        assertThat(registration.json().get("field").asString()).isEqualTo("city");
        assertThat(db.sql("SELECT count(*) FROM participant").query(Long.class).single()).isEqualTo(participants);

        var certificate = RawHttp.send(port, "GET", "/api/v1/certificates/ABC%00", Map.of(), null);
        problem(certificate, 400, "VALIDATION_FAILED");
    }

    @Test
    @DisplayName("Hardening 8: a partner's trainingId with a NUL byte is refused before the database")
    void nulInPartnerBody() {
        var tokopedia = PartnerApi.seeded(api, port, "tokopedia");
        var r = tokopedia.post("/partner/v1/otp", "{\"cardNumber\":\"5898000000000000\",\"trainingId\":\"TR\\u0000\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.body().get("field").asString()).isEqualTo("trainingId");
    }

    @Test
    @DisplayName("Hardening 8: multipart sent to a JSON endpoint is 415, an Accept the API cannot answer is 406")
    void wrongMediaTypes() {
        var multipart = RawHttp.send(port, "POST", "/api/v1/sessions",
                Map.of("Content-Type", "multipart/form-data; boundary=XyZ"),
                "--XyZ\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na@b.id\r\n--XyZ--\r\n");
        problem(multipart, 415, "UNSUPPORTED_MEDIA_TYPE");
        var broken = RawHttp.send(port, "POST", "/api/v1/sessions",
                Map.of("Content-Type", "multipart/form-data; boundary=XyZ"), "not multipart at all");
        assertThat(broken.status()).as(broken.body()).isBetween(400, 499);
        assertThat(broken.header("Content-Type")).startsWith("application/problem+json");

        var png = RawHttp.send(port, "GET", "/api/v1/waves", Map.of("Accept", "image/png"), null);
        problem(png, 406, "NOT_ACCEPTABLE");
    }

    @Test
    @DisplayName("Hardening 9: every error of an API path is problem+json with a code: encoded slash, long query, dot segments, wrong method")
    void errorFormat() {
        problem(RawHttp.send(port, "GET", "/api/v1/certificates/a%2Fb", Map.of(), null), 400, "VALIDATION_FAILED");
        var longQuery = RawHttp.send(port, "GET", "/api/v1/trainings?q=" + "a".repeat(10_000), Map.of(), null);
        assertThat(longQuery.status()).isBetween(400, 499);
        assertThat(longQuery.header("Content-Type")).as(longQuery.body()).startsWith("application/problem+json");
        assertThat(longQuery.code()).isNotNull();
        problem(RawHttp.send(port, "GET", "/../api/v1/waves", Map.of(), null), 400, "VALIDATION_FAILED");
        problem(RawHttp.send(port, "GET", "/api/v1/../v1/waves", Map.of(), null), 400, "VALIDATION_FAILED");
        problem(RawHttp.send(port, "PUT", "/api/v1/registrations", Map.of("Content-Type", "application/json"), "{}"),
                405, "METHOD_NOT_ALLOWED");
        problem(RawHttp.send(port, "DELETE", "/api/v1/sessions", Map.of(), null), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    @DisplayName("Hardening 10: no silent coercion: a fractional quota, a card number or a code sent as a JSON number are 400")
    void noCoercion() {
        var ops = new Operator(api);
        long waves = db.sql("SELECT count(*) FROM wave").query(Long.class).single();
        var wave = RawHttp.send(port, "POST", "/api/v1/ops/waves", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + ops.token()), """
                {"number": 99002, "quota": 1.5, "joinOpensAt": "2026-12-01T00:00:00+07:00",
                 "joinClosesAt": "2026-12-10T00:00:00+07:00", "announcementAt": "2026-12-12T00:00:00+07:00"}""");
        problem(wave, 400, "VALIDATION_FAILED");
        assertThat(wave.json().get("field").asString()).isEqualTo("quota");
        assertThat(db.sql("SELECT count(*) FROM wave").query(Long.class).single()).isEqualTo(waves);

        var who = ParticipantBuilder.aParticipant();
        var journey = new Journey(api, relay);
        var id = journey.register(who);
        String code = journey.latestCode(who.email());
        var numeric = postJson("/api/v1/registrations/" + id + "/verifications",
                // a JSON number (no leading zero, which would not be JSON at all)
                "{\"channel\":\"EMAIL\",\"code\":" + Integer.parseInt(code) + "}");
        problem(numeric, 400, "VALIDATION_FAILED");
        assertThat(numeric.json().get("field").asString()).isEqualTo("code");

        var tokopedia = PartnerApi.seeded(api, port, "tokopedia");
        var card = tokopedia.post("/partner/v1/otp", "{\"cardNumber\":5898000000000000,\"trainingId\":\"TR-001\"}");
        assertThat(card.status()).as(card.raw()).isEqualTo(400);
        assertThat(card.body().get("field").asString()).isEqualTo("cardNumber");
    }

    @Test
    @DisplayName("Hardening 11: a body over 1 MB is 413 TOO_LARGE, with or without a Content-Length, and is not parsed")
    void bodyLimit() {
        String big = "{\"email\":\"" + "a".repeat(1_100_000) + "\",\"password\":\"x\"}";
        problem(postJson("/api/v1/sessions", big), 413, "TOO_LARGE");
        var chunked = RawHttp.sendChunked(port, "POST", "/api/v1/sessions", Map.of("Content-Type", "application/json"), big);
        problem(chunked, 413, "TOO_LARGE");
        // just under the limit is parsed as usual (and refused for what it says)
        var fits = postJson("/api/v1/sessions", "{\"email\":\"nobody@example.id\",\"password\":\"" + "x".repeat(900_000) + "\"}");
        assertThat(fits.status()).isNotEqualTo(413);
    }
}
