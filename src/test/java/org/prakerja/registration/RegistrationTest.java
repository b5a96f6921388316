package org.prakerja.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.time.LocalDate;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class RegistrationTest {

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    Participants participants;

    Api api;
    Journey journey;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        journey = new Journey(api, relay);
    }

    @Test
    @DisplayName("R-10/R-12 a registration sends codes by email and SMS that verify both channels")
    void registerAndVerify() {
        var who = aParticipant();
        UUID id = journey.register(who);
        var email = journey.verify(id, "EMAIL", journey.latestCode(who.email()));
        assertThat(email.status()).isEqualTo(200);
        assertThat(email.body().get("emailVerified").asBoolean()).isTrue();
        assertThat(email.body().get("phoneVerified").asBoolean()).isFalse();
        var sms = journey.verify(id, "SMS", journey.latestCode(who.phone()));
        assertThat(sms.body().get("phoneVerified").asBoolean()).isTrue();
        assertThat(participants.find(id)).get().satisfies(p -> {
            assertThat(p.emailVerified()).isTrue();
            assertThat(p.phoneVerified()).isTrue();
        });
    }

    @Test
    @DisplayName("R-11 a NIK whose birth date disagrees is refused, naming the field, and nothing is stored")
    void nikDateMismatch() {
        var who = aParticipant().bornOn(LocalDate.of(1990, 1, 5));
        var body = who.body();
        body.put("birthDate", "1990-01-06");
        var r = api.post("/api/v1/registrations", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.body().get("field").asString()).isEqualTo("nik");
        assertThat(api.post("/api/v1/sessions", Map.of("email", who.email(), "password", who.password())).status())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("R-11 a woman's NIK has 40 added to the day; a man's NIK with that form is refused")
    void nikGender() {
        var woman = aParticipant().female().bornOn(LocalDate.of(1992, 8, 9));
        assertThat(woman.nik().substring(6, 12)).isEqualTo("490892");
        assertThat(api.post("/api/v1/registrations", woman.body()).status()).isEqualTo(201);
        var body = aParticipant().female().bornOn(LocalDate.of(1992, 8, 9)).body();
        body.put("gender", "M");
        assertThat(api.post("/api/v1/registrations", body).status()).isEqualTo(400);
    }

    @Test
    @DisplayName("R-11 a NIK is registered at most once")
    void nikOnce() {
        var first = aParticipant();
        journey.register(first);
        var second = aParticipant().withNik(first.nik());
        var r = api.post("/api/v1/registrations", second.body());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("NIK_ALREADY_REGISTERED");
    }

    @Test
    @DisplayName("R-11 the civil registry must confirm the identity")
    void civilRegistry() {
        var r = api.post("/api/v1/registrations", aParticipant().named("Tidak Cocok").body());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("IDENTITY_NOT_VERIFIED");
    }

    @Test
    @DisplayName("R-12 a wrong code is refused and five wrong codes lock the channel")
    void wrongCodes() {
        var who = aParticipant();
        UUID id = journey.register(who);
        String right = journey.latestCode(who.email());
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertThat(journey.verify(id, "EMAIL", wrong).code()).isEqualTo("CODE_INVALID");
        }
        assertThat(journey.verify(id, "EMAIL", wrong).code()).isEqualTo("CODE_LOCKED");
        var locked = journey.verify(id, "EMAIL", right);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(participants.find(id).orElseThrow().emailVerified()).isFalse();
    }

    @Test
    @DisplayName("R-14 the basic test is scored against the pass mark")
    void basicTest() {
        var ready = journey.readyToApply(aParticipant());
        var questions = api.get("/api/v1/basic-test", ready.token());
        assertThat(questions.body().get("questions").size()).isEqualTo(5);
        var fail = api.post("/api/v1/basic-test",
                Map.of("answers", java.util.List.of(Map.of("questionId", "q1", "optionId", "c"))), ready.token());
        assertThat(fail.body().get("score").asInt()).isZero();
        assertThat(fail.body().get("passed").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("bad input is 400 VALIDATION_FAILED naming the field, and nothing is stored")
    void badInput() {
        long before = participants.count();
        assertField(api.post("/api/v1/registrations", "{\"email\": "), "body");
        assertField(without("email"), "email");
        assertField(with("birthDate", "not-a-date"), "birthDate");
        assertField(with("gender", "X"), "gender");
        assertField(with("education", "PHD"), "education");
        assertField(with("fullName", "B".repeat(5000)), "fullName");
        assertField(with("nik", 1234), "nik");
        assertField(with("declarations", Map.of("inSchool", "maybe")), "declarations.inSchool");
        assertField(with("phone", "12345"), "phone");
        assertThat(participants.count()).isEqualTo(before);
        assertField(api.post("/api/v1/sessions", "[]"), "body");
        var unknownChannel = api.post("/api/v1/registrations/" + UUID.randomUUID() + "/verifications",
                Map.of("channel", "FAX", "code", "123456"));
        assertField(unknownChannel, "channel");
        var badId = api.post("/api/v1/registrations/not-a-uuid/verifications", Map.of("channel", "SMS", "code", "123456"));
        assertField(badId, "participantId");
        var ready = journey.readyToApply(aParticipant());
        assertField(api.post("/api/v1/basic-test", Map.of("answers", List.of()), ready.token()), "answers");
        assertField(api.post("/api/v1/basic-test", Map.of("answers", "a"), ready.token()), "answers");
        assertField(api.post("/api/v1/basic-test", Map.of("answers", List.of(Map.of("questionId", "q1"))), ready.token()),
                "answers[0].optionId");
    }

    private Api.Response without(String field) {
        var body = new HashMap<>(aParticipant().body());
        body.remove(field);
        return api.post("/api/v1/registrations", body);
    }

    private Api.Response with(String field, Object value) {
        var body = new HashMap<>(aParticipant().body());
        body.put(field, value);
        return api.post("/api/v1/registrations", body);
    }

    private static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.body().get("field").asString()).as(r.raw()).isEqualTo(field);
        assertThat(r.raw()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
