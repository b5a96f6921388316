package org.prakerja.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.Api;
import org.prakerja.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's schemes in a real browser (docs/portal.md "/ops/schemes", R-25): an ADMIN adds a scheme,
 * bad input refused per field first, recorded in the audit trail; a wave created on the console under
 * it shows it; an OPERATOR reads the schemes but neither sees the form nor may post it.
 */
@IntegrationTest
class SchemePagesTest {

    static Browser browser;

    @LocalServerPort
    int port;
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
        browser.driver().get("about:blank");
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    @DisplayName("R-25: an ADMIN adds a scheme on the console (negative amounts, ages out of order and a taken name "
            + "refused per field first), audited; a wave created on the console under it shows it; an OPERATOR sees "
            + "no form and a post forged with a valid CSRF token is refused 403")
    void anAdminAddsASchemeAndAWaveUsesIt() throws Exception {
        String name = "PAGES_" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        loginStaff("ADMIN");
        browser.open("/ops/schemes");
        assertThat(browser.text("#scheme-SEMI_BANSOS_2022")).contains("Rp1.000.000", "Rp600.000 × 4 tahap, tiap 30 hari",
                "Rp50.000 × 3 survei", "30 hari", "18 tahun ke atas");
        assertThat(browser.text("#scheme-NORMAL_2023")).contains("Rp3.500.000", "18-64 tahun");

        fill(name, "2000000", "-5", "2", "30", "50000", "2", "20", "30", "20");
        browser.submit("#create-scheme");
        assertThat(browser.fieldError("incentiveAmount")).isEqualTo("Insentif per tahap: isi bilangan bulat dari 0 sampai 1.000.000.000.");
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo(name);
        browser.checkPage("ops-schemes-refused", false);
        browser.type("incentiveAmount", "300000").submit("#create-scheme");
        assertThat(browser.fieldError("maxAge")).isEqualTo("Usia maksimum tidak boleh di bawah usia minimum.");
        browser.type("name", "SEMI_BANSOS_2022").type("maxAge", "55").submit("#create-scheme");
        assertThat(browser.fieldError("name")).isEqualTo("Sudah ada skema dengan nama ini.");
        assertThat(db.sql("SELECT count(*) FROM scheme WHERE name = ?").param(name).query(Long.class).single()).isZero();

        browser.type("name", name).submit("#create-scheme");
        assertThat(browser.path()).isEqualTo("/ops/schemes?created=" + name);
        assertThat(browser.text("#scheme-" + name)).contains("Rp2.000.000", "Rp300.000 × 2 tahap", "30-55 tahun");
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE action = 'SCHEME_CREATED' AND target = ?")
                .param("scheme:" + name).query(Long.class).single()).isEqualTo(1);
        browser.checkPage("ops-schemes", true);

        // a wave under the new scheme, from the console's form (the default preselected)
        browser.open("/ops/waves");
        assertThat(browser.find("#scheme option[selected]").getAttribute("value")).isEqualTo("SEMI_BANSOS_2022");
        // apart from the numbers Operator counts up from 10,000..90,000 and ConsolePagesTest takes (91,000..98,999)
        int number = ThreadLocalRandom.current().nextInt(99_000, 100_000);
        browser.type("number", String.valueOf(number)).type("quota", "5").select("scheme", name)
                .submit("form[action$='/ops/waves'] button[type=submit]");
        assertThat(browser.path()).isEqualTo("/ops/waves/" + number + "?created");
        assertThat(browser.text("#wave-scheme")).isEqualTo(name);
        assertThat(db.sql("SELECT scheme FROM wave WHERE number = ?").param(number).query(String.class).single())
                .isEqualTo(name);

        // an OPERATOR reads the schemes but cannot add one, even with a good CSRF token
        browser.driver().get("about:blank");
        browser.driver().manage().deleteAllCookies();
        loginStaff("OPERATOR");
        browser.open("/ops/schemes");
        assertThat(browser.all("main form[method=post]")).isEmpty();
        assertThat(browser.text("#scheme-" + name)).contains("Rp2.000.000");
        String token = URLEncoder.encode(browser.find("header input[name=_csrf]").getAttribute("value"), StandardCharsets.UTF_8);
        var forged = post("/ops/schemes", "_csrf=" + token + "&name=FORGED_" + number + "&trainingBalance=1"
                + "&incentiveAmount=0&incentiveCount=0&incentiveIntervalDays=0&surveyAmount=0&surveyCount=0"
                + "&firstPurchaseDays=1&minAge=18&maxAge=");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(db.sql("SELECT count(*) FROM scheme WHERE name = ?").param("FORGED_" + number).query(Long.class)
                .single()).isZero();
        assertThat(post("/logout", "_csrf=" + token).statusCode()).isEqualTo(302);
    }

    private void fill(String name, String balance, String incentive, String count, String interval, String survey,
            String surveys, String firstPurchase, String minAge, String maxAge) {
        browser.type("name", name).type("trainingBalance", balance).type("incentiveAmount", incentive)
                .type("incentiveCount", count).type("incentiveIntervalDays", interval).type("surveyAmount", survey)
                .type("surveyCount", surveys).type("firstPurchaseDays", firstPurchase).type("minAge", minAge)
                .type("maxAge", maxAge);
    }

    private void loginStaff(String role) {
        for (var account : api.get("/sandbox/operators").body()) {
            if (account.get("role").asString().equals(role)) {
                browser.open("/login").type("email", account.get("email").asString())
                        .type("password", account.get("password").asString()).submit("main button[type=submit]");
                assertThat(browser.path()).isEqualTo("/ops");
                return;
            }
        }
        throw new AssertionError("no demo login with role " + role);
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "PRAKERJA_SESSION=" + browser.driver().manage().getCookieNamed("PRAKERJA_SESSION").getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
