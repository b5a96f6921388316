package org.prakerja.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.util.Map;
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

/** R-83 five wrong passwords within 15 minutes lock a login for 15 minutes, on the test clock. */
@IntegrationTest
class LoginLockoutTest {

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

    private ParticipantBuilder registered() {
        var who = aParticipant();
        new Journey(api, relay).register(who);
        return who;
    }

    private RawHttp.Response login(String email, String password) {
        return RawHttp.send(port, "POST", "/api/v1/sessions", Map.of("Content-Type", "application/json"),
                Api.json(Map.of("email", email, "password", password)));
    }

    private void advance(String by) {
        api.post("/sandbox/clock", Map.of("advance", by));
    }

    private long audited(String email, String action) {
        return db.sql("SELECT count(*) FROM audit_entry WHERE lower(actor) = lower(?) AND action = ?")
                .params(email, action).query(Long.class).single();
    }

    @Test
    @DisplayName("R-83 after 5 wrong passwords the login is locked: 429 LOGIN_LOCKED with retryAfter and Retry-After, even for the right password; 15 minutes later it works")
    void lockout() {
        var who = registered();
        for (int i = 0; i < 5; i++) {
            var wrong = login(who.email(), "salah-" + i + "-sandi");
            assertThat(wrong.status()).as(wrong.body()).isEqualTo(401);
            assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
        }
        var locked = login(who.email(), who.password());
        assertThat(locked.status()).as(locked.body()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("LOGIN_LOCKED");
        long retryAfter = locked.json().get("retryAfter").asLong();
        assertThat(retryAfter).isBetween(14 * 60L, 15 * 60L);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isEqualTo(retryAfter);
        // the email in another case is the same login
        assertThat(login(who.email().toUpperCase(), who.password()).status()).isEqualTo(429);

        advance("PT14M");
        assertThat(login(who.email(), who.password()).status()).isEqualTo(429);
        advance("PT1M1S");
        assertThat(login(who.email(), who.password()).status()).isEqualTo(201);

        assertThat(audited(who.email(), "LOGIN_LOCKED")).isEqualTo(1);
        assertThat(audited(who.email(), "LOGIN_REFUSED")).isEqualTo(8);
        assertThat(audited(who.email(), "LOGIN_SUCCEEDED")).isEqualTo(1);
        var lockEntry = db.sql("SELECT role, target FROM audit_entry WHERE lower(actor) = lower(?) AND action = 'LOGIN_LOCKED'")
                .param(who.email()).query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).single();
        assertThat(lockEntry).isEqualTo("PARTICIPANT account:" + who.email());
    }

    @Test
    @DisplayName("R-83 wrong passwords count within 15 minutes only, and a right one clears the count")
    void window() {
        var who = registered();
        for (int i = 0; i < 4; i++) {
            assertThat(login(who.email(), "salah-" + i + "-sandi").status()).isEqualTo(401);
        }
        advance("PT15M1S");
        for (int i = 0; i < 4; i++) {
            assertThat(login(who.email(), "salah-" + i + "-sandi").status()).isEqualTo(401);
        }
        assertThat(login(who.email(), who.password()).status()).isEqualTo(201);
        for (int i = 0; i < 4; i++) {
            assertThat(login(who.email(), "salah-" + i + "-sandi").status()).isEqualTo(401);
        }
        assertThat(login(who.email(), who.password()).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("R-83 an email without an account locks alike, so the lockout does not tell which emails are registered")
    void unknownEmailsLockAlike() {
        String nobody = "tidak-terdaftar-" + System.nanoTime() + "@example.id";
        for (int i = 0; i < 5; i++) {
            assertThat(login(nobody, "salah-sandi-" + i).code()).isEqualTo("BAD_CREDENTIALS");
        }
        var locked = login(nobody, "apa-saja-sandi");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("LOGIN_LOCKED");
        assertThat(audited(nobody, "LOGIN_LOCKED")).isEqualTo(1);
    }

    @Test
    @DisplayName("R-83 five wrong passwords sent at once lock the login: none is lost to a race")
    void concurrentGuesses() throws Exception {
        var who = registered();
        var tasks = new java.util.ArrayList<java.util.concurrent.Callable<Integer>>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            tasks.add(() -> login(who.email(), "tebakan-" + n + "-sandi").status());
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(5)) {
            for (var f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isEqualTo(401);
            }
        }
        assertThat(login(who.email(), who.password()).status()).isEqualTo(429);
    }
}
