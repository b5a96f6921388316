package org.prakerja.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.Api;
import org.prakerja.support.ParticipantBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class CommonPasswordTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;

    @Test
    @DisplayName("Hardening 3: registering with password, 12345678 or eight spaces is 400 naming the password, and stores nothing")
    void commonPasswordsRefused() {
        var api = new Api(port);
        for (String password : new String[] {"password", "12345678", "        "}) {
            var who = ParticipantBuilder.aParticipant();
            var body = new HashMap<>(who.body());
            body.put("password", password);
            var r = api.post("/api/v1/registrations", body);
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.body().get("field").asString()).isEqualTo("password");
            assertThat(r.raw()).as("the password is not echoed").doesNotContain("\"password\":\"" + password + "\"");
            assertThat(db.sql("SELECT count(*) FROM credential WHERE lower(email) = lower(?)").param(who.email())
                    .query(Long.class).single()).isZero();
        }
    }
}
