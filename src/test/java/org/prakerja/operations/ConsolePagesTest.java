package org.prakerja.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Await;
import org.prakerja.support.Browser;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator console in a real browser (docs/portal.md "Operator console", issue 11): an operator
 * takes a wave from draft to announced through the pages, watching each job's progress bar move as
 * htmx polls it, reads the selection report and downloads the selected list; an auditor sees every
 * page without a button that changes anything, and the server refuses the auditor's forged post.
 */
@IntegrationTest
class ConsolePagesTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient db;
    @Autowired
    DataSource dataSource;

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
        // off the last test's page first, so its polling cannot reach the next session
        browser.driver().get("about:blank");
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    @DisplayName("R-20, R-22, R-23: an operator creates, opens, closes, selects and announces a wave in the console, "
            + "each job's progress bar filling live, then reads the report and downloads the selected list")
    void anOperatorRunsAWaveThroughTheConsole() throws Exception {
        logIn("OPERATOR");
        browser.open("/ops/waves");
        assertThat(browser.text("h1")).isEqualTo("Gelombang");
        // the form offers the next number; this test takes one of its own, apart from the numbers Operator counts up
        assertThat(browser.find("#number").getAttribute("value")).isNotBlank();
        int number = java.util.concurrent.ThreadLocalRandom.current().nextInt(91_000, 99_000);
        browser.type("number", String.valueOf(number));

        // a bad quota re-shows the form with what was typed and says what is wrong, storing nothing
        browser.type("quota", "0").submit("form[action$='/ops/waves'] button[type=submit]");
        assertThat(browser.text("#error-summary")).contains("kuota");
        assertThat(browser.fieldError("quota")).isNotBlank();
        assertThat(browser.find("#number").getAttribute("value")).isEqualTo(String.valueOf(number));
        assertThat(db.sql("SELECT count(*) FROM wave WHERE number = ?").param(number).query(Long.class).single()).isZero();
        browser.checkPage("ops-waves-refused", false);

        browser.type("quota", "3").submit("form[action$='/ops/waves'] button[type=submit]");
        assertThat(browser.path()).isEqualTo("/ops/waves/" + number + "?created");
        assertThat(browser.text("#wave-status")).isEqualTo("Draf");
        browser.checkPage("ops-wave-draft", false);

        browser.submit("#act");
        assertThat(browser.text("#wave-status")).isEqualTo("Dibuka");

        // four join over the JSON API, as participants do; the quota takes three
        var journey = new Journey(api, relay);
        for (int i = 0; i < 4; i++) {
            var who = journey.readyToApply(aParticipant());
            var joined = api.post("/api/v1/waves/" + number + "/applications", "", who.token());
            assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
        }
        browser.submit("#act");
        assertThat(browser.text("#wave-status")).isEqualTo("Ditutup");
        browser.open("/ops/waves");
        assertThat(browser.pageText()).contains("Gelombang " + number);
        browser.checkPage("ops-waves", true);

        // the selection waits for the wave's row while this test holds it: the bar is seen running, then full
        browser.open("/ops/waves/" + number);
        try (Connection hold = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            hold.createStatement().execute("SELECT 1 FROM wave WHERE number = " + number + " FOR UPDATE");
            browser.submit("#act");
            awaitRunning("Seleksi");
            assertThat(browser.find("#job-progress a").getText()).contains("Muat ulang");
            markPage();
            hold.commit();
        }
        watchBarFill("Seleksi");
        browser.open("/ops/waves/" + number);
        assertThat(browser.text("#wave-status")).isEqualTo("Sudah diseleksi");
        assertThat(browser.text("#applicants")).isEqualTo("4");
        assertThat(browser.text("#selected")).isEqualTo("3");
        String seed = browser.text("#seed");
        String seedHash = db.sql("SELECT seed_hash FROM wave WHERE number = ?").param(number).query(String.class).single();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(seedHash);
        assertThat(browser.pageText()).contains(seedHash, "Tidak ada yang dikecualikan");
        browser.checkPage("ops-wave-selected", true);

        // the list as a spreadsheet would open it: a name that reads as a formula, with a comma and quotes
        UUID first = db.sql("SELECT participant_id FROM application WHERE wave_number = ? AND rank = 1")
                .param(number).query(UUID.class).single();
        db.sql("UPDATE participant SET full_name = ? WHERE id = ?").params("=HYPERLINK(\"x\"), Budi", first).update();
        var csv = download(browser.find("#csv").getAttribute("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        var lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("rank,participantId,fullName,nikMasked,province,city");
        assertThat(lines).hasSize(1 + 3);
        assertThat(lines[1]).startsWith("1," + first + ",\"'=HYPERLINK(\"\"x\"\"), Budi\",");
        var nikMasked = db.sql("SELECT nik_masked FROM participant WHERE id = ?").param(first).query(String.class).single();
        assertThat(lines[1]).contains("," + nikMasked + ",");
        var selected = db.sql("SELECT participant_id::text FROM application WHERE wave_number = ? AND status = 'SELECTED' ORDER BY rank")
                .param(number).query(String.class).list();
        var listed = new ArrayList<String>();
        for (int i = 1; i < lines.length; i++) {
            listed.add(lines[i].split(",")[1]);
            // the whole NIK is never in the file: only the masked one with its stars
            assertThat(lines[i]).contains("****");
        }
        assertThat(listed).isEqualTo(selected);

        // the announcement: its first chunk waits while this test holds the applicants' rows
        try (Connection hold = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            hold.createStatement().execute("SELECT 1 FROM application WHERE wave_number = " + number + " FOR UPDATE");
            browser.submit("#act");
            awaitRunning("Pengumuman");
            markPage();
            hold.commit();
        }
        watchBarFill("Pengumuman");
        browser.open("/ops/waves/" + number);
        assertThat(browser.text("#wave-status")).isEqualTo("Sudah diumumkan");
        assertThat(browser.all("#act")).isEmpty();
        browser.checkPage("ops-wave-announced", false);

        // three cards credited: the ledger page balances on its quick look and on the full check
        browser.open("/ops/ledger");
        assertThat(browser.text("#quick-state")).startsWith("Seimbang");
        assertThat(browser.all("#full-check")).isEmpty();
        browser.checkPage("ops-ledger", true);
        browser.submit("#run-check");
        assertThat(browser.path()).isEqualTo("/ops/ledger?check=full");
        assertThat(browser.text("#full-check")).startsWith("Pemeriksaan lengkap: seimbang");
        browser.assertAccessible();
        assertThat(new Operator(api).reconciliation().get("balanced").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("the summary shows the counts and the last 30 days drawn as charts with a table for screen readers, "
            + "incentives paid saying there is nothing to show yet; in English too")
    void theSummaryShowsCountsAndDailyCharts() {
        new Journey(api, relay).register(aParticipant());
        logIn("ADMIN");
        browser.open("/ops");
        assertThat(browser.text("h1")).isEqualTo("Ringkasan program");
        long registrations = db.sql("SELECT count(*) FROM participant").query(Long.class).single();
        assertThat(browser.text("#registrations").replace(".", "")).isEqualTo(String.valueOf(registrations));
        assertThat(browser.all("#chart-registrations svg rect")).hasSize(30);
        assertThat(browser.all("#chart-registrations table tbody tr")).hasSize(30);
        String today = browser.all("#chart-registrations table tbody tr td").getLast().getAttribute("textContent");
        assertThat(Long.parseLong(today.replace(".", ""))).isPositive();
        assertThat(browser.all("#chart-purchases svg rect")).hasSize(30);
        // payouts paid per day, from the incentive module: as many days, the same shape
        assertThat(browser.all("#chart-incentives svg rect")).hasSize(30);
        assertThat(browser.all("#chart-incentives table tbody tr")).hasSize(30);
        assertThat(browser.overflowAt360()).isZero();
        browser.checkPage("ops-summary", true);

        browser.open("/ops?lang=en");
        assertThat(browser.text("h1")).isEqualTo("Programme summary");
        assertThat(browser.text("#chart-incentives")).contains("Incentives paid per day");
        browser.open("/ops/waves");
        assertThat(browser.text("h1")).isEqualTo("Waves");
        browser.open("/ops/ledger");
        assertThat(browser.text("h1")).isEqualTo("Ledger");
        browser.assertAccessible();
        browser.open("/ops?lang=id");
    }

    @Test
    @DisplayName("an auditor sees every console page but no button that changes anything, and a post forged with "
            + "the auditor's valid CSRF token is refused 403, changing nothing")
    void anAuditorReadsButCannotAct() throws Exception {
        var ops = new Operator(api);
        int number = ops.openWave(5);
        ops.close(number);
        logIn("AUDITOR");
        for (String page : List.of("/ops", "/ops/waves", "/ops/waves/" + number, "/ops/ledger")) {
            browser.open(page);
            assertThat(browser.path()).isEqualTo(page);
            assertThat(browser.text(".console-head .notice")).contains("auditor");
            assertThat(browser.all("main form[method=post]")).as(page).isEmpty();
            assertThat(browser.all("#act")).as(page).isEmpty();
        }
        browser.open("/ops/waves/" + number);
        browser.checkPage("ops-wave-auditor", false);
        // before its selection a wave has no list to download
        assertThat(download("http://localhost:" + port + "/ops/waves/" + number + "/selected.csv").statusCode()).isEqualTo(404);
        browser.open("/ops/ledger").submit("#run-check");
        assertThat(browser.text("#full-check")).startsWith("Pemeriksaan lengkap: seimbang");

        // the token the page gave this session (the logout form carries it), posted as the wave's forms would be
        String token = URLEncoder.encode(browser.find("header input[name=_csrf]").getAttribute("value"), StandardCharsets.UTF_8);
        var forged = post("/ops/waves/" + number + "/selection", "_csrf=" + token);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        var transition = post("/ops/waves/" + number + "/transitions", "to=OPEN&_csrf=" + token);
        assertThat(transition.statusCode()).isEqualTo(403);
        assertThat(db.sql("SELECT status FROM wave WHERE number = ?").param(number).query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(db.sql("SELECT count(*) FROM job WHERE wave = ?").param(number).query(Long.class).single()).isZero();
        // the token was a good one: the same session logs out with it
        var logout = post("/logout", "_csrf=" + token);
        assertThat(logout.statusCode()).isEqualTo(302);
    }

    private void logIn(String role) {
        var operators = api.get("/sandbox/operators").body();
        for (var account : operators) {
            if (account.get("role").asString().equals(role)) {
                browser.open("/login").type("email", account.get("email").asString())
                        .type("password", account.get("password").asString()).submit("main button[type=submit]");
                assertThat(browser.path()).isEqualTo("/ops");
                return;
            }
        }
        throw new AssertionError("no demo login with role " + role);
    }

    /** A mark only this page load carries: still there at the end, the page was never reloaded. */
    private void markPage() {
        browser.driver().executeScript("window.consoleTestMark = true;");
    }

    /** The page the form led to shows the job it started, running (held up by this test's lock). */
    private void awaitRunning(String kind) {
        Await.until(Duration.ofSeconds(15), () -> kind.equals(read("#job-heading", null))
                && "RUNNING".equals(read("#job-bar", "data-state")), kind + " job shown running");
        // still waiting for the lock: the bar is empty, or indeterminate while the total is not known
        assertThat(browser.find("#job-bar").getAttribute("value")).isIn(null, "0");
    }

    /** An element's text or attribute as it stands, or null while htmx is swapping it. */
    private static String read(String css, String attribute) {
        try {
            var element = browser.find(css);
            return attribute == null ? element.getText() : element.getAttribute(attribute);
        } catch (org.openqa.selenium.WebDriverException e) {
            return null;
        }
    }

    /** Reads the progress bar as htmx swaps it in until the job is done: 100, without a reload. */
    private void watchBarFill(String kind) {
        Await.until(Duration.ofSeconds(30), () -> "SUCCEEDED".equals(read("#job-bar", "data-state")),
                kind + " job finished on the page");
        assertThat(browser.find("#job-bar").getAttribute("value")).isEqualTo("100");
        assertThat(browser.text("#job-heading")).isEqualTo(kind);
        assertThat(browser.text("#job-status")).contains("Selesai", "(100%)");
        assertThat(browser.driver().executeScript("return window.consoleTestMark === true;")).isEqualTo(true);
        // the finished piece stops asking
        assertThat(browser.find("#job-progress").getAttribute("hx-trigger")).isNull();
    }

    private HttpResponse<String> download(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "PRAKERJA_SESSION=" + browser.driver().manage().getCookieNamed("PRAKERJA_SESSION").getValue())
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "PRAKERJA_SESSION=" + browser.driver().manage().getCookieNamed("PRAKERJA_SESSION").getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
