package org.prakerja.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Await;
import org.prakerja.support.Browser;
import org.prakerja.support.CardHolders;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.support.Trainee;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The incentive pages in a real browser (PORTAL.md "/incentives", "/ops/schemes",
 * "/ops/disbursements"): a participant sees what is still missing, links a payout account (a
 * mismatching one refused first, in words), an operator runs disbursement from the console and
 * watches the job finish, the participant sees the instalment paid, the dashboard's last step done,
 * and answers the survey that opened; an ADMIN adds a scheme (bad input first), a wave is created
 * under it, and an OPERATOR can neither see the scheme form nor post it.
 */
@IntegrationTest
class IncentivePagesTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient db;

    Api api;
    Operator ops;

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
        ops = new Operator(api);
        browser.driver().get("about:blank");
        browser.driver().manage().deleteAllCookies();
    }

    @AfterEach
    void ledgerBalanced() {
        var r = ops.reconciliation();
        assertThat(r.get("balanced").asBoolean()).as(r.toString()).isTrue();
    }

    @Test
    @DisplayName("R-70..R-74: what is missing, a mismatching account refused in words then an e-wallet linked, the "
            + "console's run-now pays the first instalment (the job watched to the end), the dashboard's last step "
            + "is done, and the survey that opened is answered on its page")
    void aParticipantIsPaidThroughThePages() {
        var holder = new CardHolders(api, new Journey(api, relay), ops).make(1).getFirst();
        var who = holder.participant().who();
        new Trainee(api, port, relay).trainAndReview(holder, 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get("/api/v1/me/incentives",
                holder.token()).body().get("instalments").size()).isEqualTo(4));

        loginParticipant(who.email(), who.password());
        browser.open("/incentives");
        assertThat(browser.text("#incentive-headline")).isEqualTo("Belum memenuhi syarat");
        assertThat(browser.all("#missing li")).extracting(e -> e.getAttribute("data-missing"))
                .containsExactly("PAYOUT_ACCOUNT");
        assertThat(browser.text("#incentive-total")).isEqualTo("Rp2.550.000");
        assertThat(browser.text("#instalment-1")).contains("Menunggu Diproses", "Setelah rekening terhubung");
        browser.checkPage("incentives-missing", true);

        // R-71 a bank account held by someone else: said beside the field, in Indonesian, nothing stored
        String otherName = bankAccount("Siti Aminah");
        browser.select("provider", "BCA").type("accountNumber", otherName).submit("#link-account");
        assertThat(browser.fieldError("accountNumber")).contains("Nama pemilik rekening tidak sama");
        assertThat(browser.text("#error-summary")).contains("Nama pemilik rekening");
        assertThat(browser.find("#accountNumber").getAttribute("value")).isEqualTo(otherName);
        assertThat(browser.all("#current-account")).isEmpty();
        browser.checkPage("incentives-refused", false);
        // an e-wallet on another phone
        browser.select("provider", "OVO").type("accountNumber", "0819" + String.format("%08d",
                ThreadLocalRandom.current().nextInt(100_000_000))).submit("#link-account");
        assertThat(browser.fieldError("accountNumber")).contains("nomor HP yang Anda daftarkan");

        String phone = who.phone();
        browser.select("provider", "GOPAY").type("accountNumber", "0" + phone.substring(3)).submit("#link-account");
        assertThat(browser.path()).isEqualTo("/incentives");
        assertThat(browser.text("main .notice.ok")).isEqualTo("Rekening pencairan tersimpan.");
        assertThat(browser.text("#current-account")).contains("GOPAY", "Budi Santoso", phone.substring(phone.length() - 4))
                .doesNotContain(phone.substring(3, 8));
        assertThat(browser.text("#incentive-headline")).isEqualTo("Menunggu Diproses");

        // an operator runs disbursement from the console and watches the job end
        browser.driver().get("about:blank");
        browser.driver().manage().deleteAllCookies();
        loginStaff("OPERATOR");
        browser.open("/ops/disbursements");
        assertThat(browser.text("h1")).isEqualTo("Pencairan insentif");
        browser.submit("#run-now");
        assertThat(browser.path()).startsWith("/ops/disbursements?job=");
        Await.until(Duration.ofSeconds(30), () -> "SUCCEEDED".equals(read("#job-bar", "data-state")),
                "disbursement job finished on the page");
        assertThat(read("#job-heading", null)).isEqualTo("Pencairan insentif");
        String jobId = browser.path().replaceAll(".*job=([0-9a-f-]+).*", "$1");
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE action = 'JOB_RUN_STARTED' AND target = ?")
                .param("job:" + jobId).query(Long.class).single()).isEqualTo(1);
        browser.open("/ops/disbursements?status=PAID&kind=INCENTIVE");
        assertThat(browser.text("#payouts")).contains("Insentif tahap 1", phone.substring(phone.length() - 4));
        browser.checkPage("ops-disbursements", true);

        // the participant sees it paid, and the journey's last step done
        browser.driver().get("about:blank");
        browser.driver().manage().deleteAllCookies();
        loginParticipant(who.email(), who.password());
        List<String> steps = new ArrayList<>();
        browser.all("ol.timeline li").forEach(li -> steps.add(li.getAttribute("class")));
        assertThat(steps).hasSize(9);
        assertThat(steps.getLast()).contains("done");
        assertThat(browser.text("#incentive-line")).contains("Sudah Cair");
        browser.checkPage("dashboard-incentive-paid", false);
        browser.submit("#incentive-line a");
        assertThat(browser.path()).isEqualTo("/incentives");
        assertThat(browser.text("#incentive-headline")).isEqualTo("Sudah Cair");
        assertThat(browser.text("#instalment-1")).contains("Sudah cair", phone.substring(phone.length() - 4));
        assertThat(browser.text("#instalment-2")).contains("Menunggu Diproses");
        assertThat(browser.text("#incentive-paid")).isEqualTo("Rp600.000");
        assertThat(browser.text("#survey-1")).contains("Isi survei");
        assertThat(browser.text("#survey-2")).contains("Dibuka");
        browser.checkPage("incentives-paid", false);

        // R-73 the first survey opened with the payment: a missing answer first, then answered once
        browser.submit("#survey-1 a");
        assertThat(browser.path()).isEqualTo("/surveys/1");
        browser.tick("EMPLOYMENT", "SELF_EMPLOYED").submit("#send-survey");
        assertThat(browser.fieldError("USEFULNESS")).isEqualTo("Pilih satu jawaban.");
        assertThat(browser.find("input[name=EMPLOYMENT][value=SELF_EMPLOYED]").isSelected()).isTrue();
        browser.checkPage("survey", true);
        browser.tick("USEFULNESS", "VERY").tick("INCENTIVE_USE", "BUSINESS").submit("#send-survey");
        assertThat(browser.path()).isEqualTo("/incentives");
        assertThat(browser.text("main .notice.ok")).contains("Survei 1 tersimpan");
        assertThat(browser.text("#survey-1")).contains("Sudah diisi", "Menunggu Diproses");
        browser.open("/surveys/1");
        assertThat(browser.text("#survey-refusal")).isEqualTo("Survei ini sudah Anda isi.");
        assertThat(browser.all("#send-survey")).isEmpty();
        browser.open("/surveys/2");
        assertThat(browser.text("#survey-refusal")).isEqualTo("Survei ini belum dibuka.");
        browser.checkPage("survey-not-open", false);
        browser.open("/incentives?lang=en");
        assertThat(browser.text("#incentive-headline")).isEqualTo("Paid");
        browser.open("/incentives?lang=id");
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
        assertThat(browser.fieldError("incentiveAmount")).isEqualTo("Isi bilangan bulat dari 0 sampai 1000000000.");
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
        int number = ThreadLocalRandom.current().nextInt(81_000, 89_000);
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

    private void loginParticipant(String email, String password) {
        browser.open("/login").type("email", email).type("password", password).submit("main button[type=submit]");
        assertThat(browser.path()).isEqualTo("/dashboard");
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

    private String bankAccount(String holderName) {
        String number = "8" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        var r = api.post("/sandbox/payout-accounts", Map.of("provider", "BCA", "accountNumber", number, "holderName",
                holderName));
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        return number;
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

    private HttpResponse<String> post(String path, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "PRAKERJA_SESSION=" + browser.driver().manage().getCookieNamed("PRAKERJA_SESSION").getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
