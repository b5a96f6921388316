package org.prakerja.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.support.ParticipantBuilder;
import org.prakerja.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/** Hardening 3: logins and registrations are throttled per client address (small ceilings here). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "prakerja.throttle.logins-per-minute=5", "prakerja.throttle.registrations-per-minute=3"})
@ActiveProfiles({"sandbox", "test"})
class ThrottleTest {

    @LocalServerPort
    int port;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    ProblemWriter problems;

    /** The ceilings count per wall-clock minute: start well inside one, so the count cannot restart mid-test. */
    @BeforeEach
    void awayFromTheMinuteTurn() throws InterruptedException {
        while (java.time.LocalTime.now().getSecond() > 40) {
            Thread.sleep(500);
        }
    }

    private RawHttp.Response post(String path, String from, String body) {
        return RawHttp.send(port, "POST", path, Map.of("Content-Type", "application/json", "X-Forwarded-For", from), body);
    }

    @Test
    @DisplayName("Hardening 3: past the ceiling of logins a minute, an address gets 429 RATE_LIMITED; another address is not slowed")
    void logins() {
        String attacker = "203.0.113." + (int) (Math.random() * 200 + 1);
        // an email no account has: the guesser's wrong passwords must not lock the admin out
        String wrong = "{\"email\":\"nobody-" + attacker + "@example.id\",\"password\":\"not-the-password\"}";
        int refused = 0;
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            var r = post("/api/v1/sessions", attacker, wrong);
            if (r.status() == 401) {
                refused++;
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(429);
                assertThat(r.code()).isEqualTo("RATE_LIMITED");
                assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 60);
                limited++;
            }
        }
        assertThat(refused).isEqualTo(5);
        assertThat(limited).isEqualTo(3);
        var other = post("/api/v1/sessions", "198.51.100.7",
                "{\"email\":\"admin@prakerja.test\",\"password\":\"admin-sandbox-1\"}");
        assertThat(other.status()).as(other.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("Hardening 3: 40 wrong logins at once from one address: no more than the ceiling get past the throttle, the rest 429")
    void wrongLoginsAtOnce() throws Exception {
        String attacker = "203.0.113." + (int) (Math.random() * 200 + 1);
        int attempts = 40;
        var start = new java.util.concurrent.CountDownLatch(1);
        var answers = new java.util.ArrayList<java.util.concurrent.Future<RawHttp.Response>>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                // an email each: the per-email lockout must not answer in the throttle's place
                String wrong = "{\"email\":\"nobody-" + i + "-" + attacker + "@example.id\",\"password\":\"not-the-password\"}";
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("/api/v1/sessions", attacker, wrong);
                }));
            }
            start.countDown();
            int badCredentials = 0;
            int limited = 0;
            for (var answer : answers) {
                var r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (r.status() == 401) {
                    assertThat(r.code()).isEqualTo("BAD_CREDENTIALS");
                    badCredentials++;
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(429);
                    assertThat(r.code()).isEqualTo("RATE_LIMITED");
                    limited++;
                }
            }
            // the ceiling is 5 here; before Bucket4j all 40 could pass, as each read the count before any was added
            assertThat(badCredentials).isEqualTo(5);
            assertThat(limited).isEqualTo(attempts - 5);
        }
    }

    @Test
    @DisplayName("Hardening 3: only refused logins count: an address's successful logins past the ceiling all pass, and its wrong ones are still counted from zero")
    void successfulLoginsGiveTheirTokenBack() {
        String office = "198.51.100." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 8; i++) {
            var r = post("/api/v1/sessions", office, "{\"email\":\"admin@prakerja.test\",\"password\":\"admin-sandbox-1\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        var statuses = new java.util.ArrayList<Integer>();
        for (int i = 0; i < 6; i++) {
            statuses.add(post("/api/v1/sessions", office,
                    "{\"email\":\"nobody-" + i + "-" + office + "@example.id\",\"password\":\"not-the-password\"}").status());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
    }

    @Test
    @DisplayName("Hardening 3: the count is in the database: another instance's throttle refuses an address this one has seen reach its ceiling")
    void sharedByInstances() throws Exception {
        String attacker = "203.0.113." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 5; i++) {
            var r = post("/api/v1/sessions", attacker,
                    "{\"email\":\"nobody-" + i + "-" + attacker + "@example.id\",\"password\":\"not-the-password\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(401);
        }
        var db = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        long expiresAt = db.sql("SELECT expires_at FROM throttle_bucket WHERE id = ?").param("/api/v1/sessions " + attacker)
                .query(Long.class).single();
        long nextMinute = (System.currentTimeMillis() / 60_000 + 1) * 60_000;
        assertThat(expiresAt).as("kept until its minute turns, and a few seconds").isBetween(nextMinute, nextMinute + 10_000);
        // a bucket whose minute has long turned, for the second instance's first request to delete
        db.sql("INSERT INTO throttle_bucket (id, state, expires_at) VALUES (?, null, ?)")
                .params("/api/v1/sessions 192.0.2.255", System.currentTimeMillis() - 120_000).update();

        // a second instance: a throttle of its own, with nothing in its memory, over the same database
        var other = new RequestThrottle(Map.of("/api/v1/sessions", 5), dataSource, problems);
        var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/v1/sessions");
        request.setRemoteAddr(attacker);
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        var chain = new org.springframework.mock.web.MockFilterChain();
        other.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(chain.getRequest()).as("the login was not reached").isNull();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (db.sql("SELECT count(*) FROM throttle_bucket WHERE id = '/api/v1/sessions 192.0.2.255'").query(Long.class).single() > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(db.sql("SELECT count(*) FROM throttle_bucket WHERE id = '/api/v1/sessions 192.0.2.255'").query(Long.class).single())
                .as("the expired bucket deleted").isZero();
    }

    @Test
    @DisplayName("Hardening 3: the login form's refused attempts count against the address like the API's, and past the ceiling the answer is a page")
    void loginForm() throws Exception {
        String attacker = "203.0.113." + (int) (Math.random() * 200 + 1);
        var http = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        var statuses = new java.util.ArrayList<Integer>();
        for (int i = 0; i < 7; i++) {
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .header("X-Forwarded-For", attacker)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "email=nobody-" + attacker + "%40example.id&password=not-the-password&_csrf=" + csrf.group(1)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(r.body()).contains("Terlalu banyak percobaan");
            }
        }
        assertThat(statuses).containsExactly(302, 302, 302, 302, 302, 429, 429);
    }

    @Test
    @DisplayName("Hardening 3: registrations are throttled per address too")
    void registrations() {
        String from = "192.0.2." + (int) (Math.random() * 200 + 1);
        String body = JsonMapper.builder().build().writeValueAsString(ParticipantBuilder.aParticipant().body())
                .replace("\"password\":\"", "\"password\":\"x");
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            var r = post("/api/v1/registrations", from, body.replace("\"city\":\"", "\"city\":\"" + i));
            if (r.status() == 429) {
                assertThat(r.code()).isEqualTo("RATE_LIMITED");
                limited++;
            }
        }
        assertThat(limited).isEqualTo(3);
    }

    @Test
    @DisplayName("Hardening 3: the registration page shares the registrations' ceiling, and a browser past it gets a page")
    void registrationPage() {
        String from = "192.0.2." + (int) (Math.random() * 200 + 1);
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            var r = RawHttp.send(port, "POST", "/register", Map.of("Content-Type", "application/x-www-form-urlencoded",
                    "Accept", "text/html", "X-Forwarded-For", from), "email=a%40b.id");
            if (r.status() == 429) {
                assertThat(r.body()).contains("<html", "Terlalu banyak percobaan").doesNotContain("RATE_LIMITED");
                limited++;
            }
        }
        assertThat(limited).isEqualTo(3);
    }

    @Test
    @DisplayName("Hardening 3: passwords are hashed with Argon2id at OWASP's floor (19 MiB, 2 iterations)")
    void argon2Floor() {
        assertThat(passwords.encode("a-long-enough-passphrase")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }
}
