package org.prakerja;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.login.Credentials;
import org.prakerja.login.Role;
import org.prakerja.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Without the sandbox profile, as in production. Its own embedded database: a database the sandbox
 * wrote is refused outside the sandbox (database/DeploymentGuard).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.datasource.url=")
@ActiveProfiles("test")
class ProductionModeTest {

    @LocalServerPort
    int port;
    @Autowired
    Credentials credentials;
    @Autowired
    JdbcClient db;

    @Test
    @DisplayName("docs/api.md section 4: the sandbox is 404 outside the sandbox profile")
    void sandboxIsOff() {
        var api = new Api(port);
        for (String path : new String[] {"/sandbox/clock", "/sandbox/inbox?to=x", "/sandbox/operators",
                "/sandbox/basic-test/answers"}) {
            var r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.code()).isEqualTo("NOT_FOUND");
        }
        assertThat(api.post("/sandbox/clock", "{\"advance\":\"P31D\"}").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("docs/portal.md: the sandbox's demo pages are 404 pages outside the sandbox profile")
    void sandboxPagesAreOff() throws Exception {
        var http = HttpClient.newHttpClient();
        for (String path : new String[] {"/sandbox", "/sandbox/store/tokopedia", "/sandbox/store/tokopedia/trainings/TR-001",
                "/sandbox/lms/lp-cakap", "/sandbox/lms/lp-cakap/vouchers/PK-00000-00000", "/sandbox/inbox?to=x",
                "/sandbox/clock"}) {
            var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
        }
    }

    @Test
    @DisplayName("Hardening 2: no demo login and no demo partner is seeded outside the sandbox")
    void noDemoData() {
        var api = new Api(port);
        assertThat(api.post("/api/v1/sessions", "{\"email\":\"admin@prakerja.test\",\"password\":\"admin-sandbox-1\"}")
                .status()).isEqualTo(401);
        assertThat(db.sql("SELECT count(*) FROM credential WHERE email LIKE '%@prakerja.test'").query(Long.class).single())
                .isZero();
        assertThat(db.sql("SELECT count(*) FROM partner_client").query(Long.class).single()).isZero();
        assertThat(db.sql("SELECT count(*) FROM wave").query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("Hardening 2: metrics and the API document are for the program's staff only; health stays public")
    void managementEndpointsNeedStaff() {
        var api = new Api(port);
        String email = "ops-" + UUID.randomUUID() + "@example.id";
        credentials.create(email, credentials.hash("a-long-operator-passphrase"), Role.OPERATOR, UUID.randomUUID());
        String operator = api.login(email, "a-long-operator-passphrase");
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/v3/api-docs",
                "/swagger-ui.html"}) {
            var anonymous = api.get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.code()).as(path).isEqualTo("UNAUTHENTICATED");
            assertThat(api.get(path, operator).status()).as(path).isIn(200, 302);
        }
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("docs/portal.md Secure: outside the sandbox the session cookie is Secure, HttpOnly and SameSite=Lax")
    void sessionCookieFlags() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/login")).header("Accept", "text/html").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("PRAKERJA_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax");
    }
}
