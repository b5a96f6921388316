package org.prakerja.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Browser;
import org.prakerja.support.Journey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's shell in a real browser (docs/portal.md): the landing page, the language switch, form
 * login with its session in PostgreSQL, CSRF, and error pages instead of JSON, each page accessible,
 * light and photographed.
 */
@IntegrationTest
class PortalShellTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient db;

    Api api;

    @BeforeAll
    static void start(@Autowired org.springframework.core.env.Environment env) {
        browser = new Browser(Integer.parseInt(env.getProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void theLandingPageSaysWhatTheProgramGivesAndHowToStart() {
        browser.open("/");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("id");
        assertThat(browser.text("h1")).isEqualTo("Kartu Prakerja");
        assertThat(browser.pageText()).contains("Rp1.000.000", "Daftar sekarang", "Masuk", "Cek sertifikat");
        assertThat(browser.overflowAt360()).isZero();
        browser.checkPage("landing", true);
    }

    @Test
    void englishIsOneClickAwayAndStays() {
        browser.open("/");
        send("a[hreflang=en]");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.pageText()).contains("What you get", "Register now");
        browser.open("/login");
        assertThat(browser.text("h1")).isEqualTo("Log in");
        send("a[hreflang=id]");
        assertThat(browser.text("h1")).isEqualTo("Masuk");
    }

    @Test
    void aWrongPasswordReshowsTheFormWithTheEmailButNotThePassword() {
        var who = aParticipant();
        new Journey(api, relay).register(who);
        browser.open("/login").type("email", who.email()).type("password", "not-the-password-1");
        send("main button[type=submit]");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text("#error-summary")).contains("Email atau kata sandi salah");
        assertThat(browser.find("#email").getAttribute("value")).isEqualTo(who.email());
        assertThat(browser.find("#password").getAttribute("value")).isEmpty();
        browser.checkPage("login-refused", false);
    }

    @Test
    void aParticipantLogsInToASessionKeptInPostgresqlAndLogsOut() {
        var who = aParticipant();
        var id = new Journey(api, relay).register(who);
        browser.open("/login");
        browser.checkPage("login", true);
        browser.type("email", who.email()).type("password", who.password());
        send("main button[type=submit]");
        assertThat(browser.path()).isEqualTo("/dashboard");

        var cookie = browser.driver().manage().getCookieNamed("PRAKERJA_SESSION");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(db.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(id.toString())
                .query(Long.class).single()).isEqualTo(1);

        browser.open("/");
        // a click that waits for the page it leads to: under load the next line read the old page's address
        send("header form button");
        assertThat(browser.path()).isEqualTo("/?logout");
        assertThat(db.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(id.toString())
                .query(Long.class).single()).isZero();
    }

    @Test
    void fiveWrongPasswordsLockTheLoginFormAndThePageSaysForHowLong() {
        var who = aParticipant();
        new Journey(api, relay).register(who);
        for (int i = 0; i < 5; i++) {
            browser.open("/login").type("email", who.email()).type("password", "wrong-password-" + i)
                    ;
        send("main button[type=submit]");
            assertThat(browser.text("#error-summary")).contains("Email atau kata sandi salah");
        }
        // now even the right password is refused, with the lock's length
        browser.open("/login").type("email", who.email()).type("password", who.password());
        send("main button[type=submit]");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text("#error-summary")).contains("Akun dikunci sementara", "15 menit");
        browser.checkPage("login-locked", false);
        assertThat(api.post("/api/v1/sessions", java.util.Map.of("email", who.email(), "password", who.password()))
                .code()).isEqualTo("LOGIN_LOCKED");
    }

    @Test
    void aPasswordResetEndsThePortalSessionsToo() {
        var who = aParticipant();
        new Journey(api, relay).register(who);
        browser.open("/login").type("email", who.email()).type("password", who.password());
        send("main button[type=submit]");
        assertThat(browser.path()).isEqualTo("/dashboard");

        assertThat(api.post("/api/v1/password-resets", java.util.Map.of("email", who.email())).status()).isEqualTo(202);
        relay.relayAll();
        String mail = api.get("/sandbox/inbox?to=" + java.net.URLEncoder.encode(who.email(), java.nio.charset.StandardCharsets.UTF_8))
                .body().get(0).get("body").asString();
        var token = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(mail);
        assertThat(token.find()).as(mail).isTrue();
        assertThat(api.post("/api/v1/password-resets/" + token.group(1), java.util.Map.of("password", "a-brand-new-passphrase-7"))
                .status()).isEqualTo(200);

        // the browser's session ended with the reset
        browser.open("/dashboard");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void aSignedOutPageRequestGoesToTheLoginPageAndHtmxIsToldToLoadIt() throws Exception {
        var http = HttpClient.newHttpClient();
        var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");

        // a job's progress polled by htmx after the session ended: not the login page swapped into the box
        var polled = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ops/jobs/" + java.util.UUID.randomUUID()
                + "/progress")).header("Accept", "text/html").header("HX-Request", "true").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(polled.statusCode()).isEqualTo(401);
        assertThat(polled.headers().firstValue("HX-Redirect")).hasValue("/login");
        assertThat(polled.body()).doesNotContain("<form");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.id&password=whatever1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void aMissingPageIsAPageForABrowserAndAProblemForAProgram() {
        browser.open("/no-such-page");
        assertThat(browser.text("h1")).isEqualTo("Halaman tidak ditemukan");
        browser.checkPage("not-found", true);

        var problem = api.get("/sandbox/no-such-thing");
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.code()).isEqualTo("NOT_FOUND");
    }

    /** Clicks the button and waits for the page it leads to, so the next step reads that page, not this one. */
    private static void send(String css) {
        var leaving = browser.find("html");
        browser.find(css).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30)).until(d -> {
            try {
                leaving.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                // chromedriver's other word for a page that was left
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30)).until(d ->
                "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    @Test
    void aParticipantPageAsksAVisitorToLogInFirst() {
        browser.open("/dashboard");
        assertThat(browser.path()).isEqualTo("/login");
    }
}
