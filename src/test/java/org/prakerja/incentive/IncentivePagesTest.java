package org.prakerja.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * The incentive pages in a real browser (docs/portal.md "/incentives", "/ops/schemes",
 * "/ops/disbursements"): a participant sees what is still missing, links a payout account (a
 * mismatching one refused first, in words), an operator runs disbursement from the console and
 * watches the job finish, the participant sees the instalment paid, the dashboard's last step done,
 * and answers the survey that opened. (The schemes' console page: SchemePagesTest.)
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
        assertThat(browser.fieldError("accountNumber")).contains("nomor HP yang kamu daftarkan");

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
        assertThat(browser.sidewaysScrollAt360("#instalments")).as("the instalments read as cards on a phone").isZero();
        assertThat(browser.sidewaysScrollAt360(".table-wrap")).isZero();
        browser.checkPage("incentives-paid", false);

        // R-73 the first survey opened with the payment: a missing answer first, then answered once
        browser.submit("#survey-1 a");
        assertThat(browser.path()).isEqualTo("/surveys/1");
        browser.tick("EMPLOYMENT", "SELF_EMPLOYED").submit("#send-survey");
        assertThat(browser.fieldError("USEFULNESS")).isEqualTo("Pertanyaan 2: pilih satu jawaban.");
        assertThat(browser.fieldError("EMPLOYMENT")).isNull();
        assertThat(browser.find("input[name=EMPLOYMENT][value=SELF_EMPLOYED]").isSelected()).isTrue();
        browser.checkPage("survey", true);
        browser.tick("USEFULNESS", "VERY").tick("INCENTIVE_USE", "BUSINESS").submit("#send-survey");
        assertThat(browser.path()).isEqualTo("/incentives");
        assertThat(browser.text("main .notice.ok")).contains("Survei 1 tersimpan");
        assertThat(browser.text("#survey-1")).contains("Sudah diisi", "Menunggu Diproses");
        browser.open("/surveys/1");
        assertThat(browser.text("#survey-refusal")).isEqualTo("Survei ini sudah kamu isi.");
        assertThat(browser.all("#send-survey")).isEmpty();
        browser.open("/surveys/2");
        assertThat(browser.text("#survey-refusal")).isEqualTo("Survei ini belum dibuka.");
        browser.checkPage("survey-not-open", false);
        browser.open("/incentives?lang=en");
        assertThat(browser.text("#incentive-headline")).isEqualTo("Paid");
        browser.open("/incentives?lang=id");
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
}
