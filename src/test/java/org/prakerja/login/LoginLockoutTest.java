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

    @Test
    @DisplayName("R-83 forty wrong passwords sent at once: exactly five are checked (401), the other 35 are refused unchecked (429 LOGIN_LOCKED)")
    void fortyAtOnceCheckFive() throws Exception {
        var who = registered();
        var tasks = new java.util.ArrayList<java.util.concurrent.Callable<RawHttp.Response>>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            tasks.add(() -> login(who.email(), "tebakan-" + n + "-sandi"));
        }
        var statuses = new java.util.TreeMap<Integer, Integer>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(40)) {
            for (var f : pool.invokeAll(tasks)) {
                statuses.merge(f.get().status(), 1, Integer::sum);
            }
        }
        assertThat(statuses).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(401, 5, 429, 35)));
        // the audit trail records a checked password as BAD_CREDENTIALS, an unchecked one as LOGIN_LOCKED
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE lower(actor) = lower(?) AND action = 'LOGIN_REFUSED'"
                + " AND detail = 'BAD_CREDENTIALS'").param(who.email()).query(Long.class).single()).isEqualTo(5);
        assertThat(audited(who.email(), "LOGIN_LOCKED")).isEqualTo(1);
        assertThat(login(who.email(), who.password()).status()).isEqualTo(429);
    }

    @Test
    @DisplayName("R-83 the current-password check of /account/password is limited like a login: after 5 wrong ones even the right one is not checked, and the login itself stays open")
    void passwordChangeIsLimited() throws Exception {
        var who = registered();
        var browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://localhost:" + port;
        formPost(browser, base, "/login", Map.of("email", who.email(), "password", who.password()));
        for (int i = 0; i < 5; i++) {
            String page = formPost(browser, base, "/account/password",
                    Map.of("currentPassword", "bukan-sandi-" + i, "newPassword", "Sandi-Baru-Panjang-2026"));
            assertThat(page).contains("Kata sandi sekarang salah");
        }
        String locked = formPost(browser, base, "/account/password",
                Map.of("currentPassword", who.password(), "newPassword", "Sandi-Baru-Panjang-2026"));
        assertThat(locked).contains("Terlalu banyak percobaan dengan kata sandi salah. Coba lagi dalam 15 menit.");
        assertThat(audited(who.email(), "PASSWORD_CHANGE_REFUSED")).isEqualTo(5);
        assertThat(audited(who.email(), "PASSWORD_CHANGED")).isZero();
        // the old password still opens the account: the form's lock is not the login's
        assertThat(login(who.email(), who.password()).status()).isEqualTo(201);
        advance("PT15M1S");
        formPost(browser, base, "/account/password",
                Map.of("currentPassword", who.password(), "newPassword", "Sandi-Baru-Panjang-2026"));
        assertThat(audited(who.email(), "PASSWORD_CHANGED")).isEqualTo(1);
        assertThat(login(who.email(), "Sandi-Baru-Panjang-2026").status()).isEqualTo(201);
    }

    private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Posts a form as a browser would (its CSRF token from the page first), following the redirect; answers the page shown. */
    private static String formPost(java.net.http.HttpClient browser, String base, String path, Map<String, String> fields)
            throws Exception {
        String formPage = path.equals("/login") ? "/login" : "/account";
        String page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + formPage))
                .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("CSRF token on " + formPage).isTrue();
        var body = new StringBuilder("_csrf=").append(csrf.group(1));
        fields.forEach((k, v) -> body.append('&').append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        var answer = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 302) {
            String to = answer.headers().firstValue("Location").orElseThrow();
            return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(to.startsWith("http") ? to : base + to))
                    .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        }
        return answer.body();
    }
}
