package org.prakerja.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Browser;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.support.ParticipantBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * The two journeys of docs/portal.md walked end to end through the pages only, as a person would: the
 * codes and the OTP are read off the sandbox inbox page, the card number off the dashboard, the
 * voucher code off the demo store's page. Only the operator's steps (waves, selection, announcement)
 * and the other applicants of a wave go through the JSON API.
 */
@IntegrationTest
class BrowserJourneyTest {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;

    Api api;
    Operator ops;
    Journey journey;

    @BeforeAll
    static void start(@Autowired Environment env) {
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
        journey = new Journey(api, relay);
        browser.driver().manage().deleteAllCookies();
    }

    @AfterEach
    void ledgerBalanced() {
        var r = ops.reconciliation();
        assertThat(r.get("balanced").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.get("total").asLong()).isZero();
    }

    @Test
    @DisplayName("R-10..R-63 selected: register, verify with the inbox page's codes, test, join, Selamat, reveal the card, buy in the demo store with the inbox page's OTP, redeem, pre-test, complete, review")
    void selectedJourney() {
        var who = aParticipant();
        readyToJoin(who);

        int wave = ops.openWave(1);
        joinFromDashboard(wave);
        ops.close(wave);
        ops.select(wave);
        ops.announce(wave);

        browser.open("/dashboard");
        assertThat(browser.text("#status-heading + p")).isEqualTo("Selamat! Kamu lolos Gelombang " + wave + ".");
        assertThat(browser.text("#main")).contains("Rp1.000.000");
        browser.submit("form[action='/dashboard/card'] button");
        String cardNumber = browser.text("#card-number").replace(" ", "");
        assertThat(cardNumber).matches("\\d{16}");
        browser.checkPage("journey-card-revealed", false);

        // the demo store: a training whose price fits the balance the dashboard showed
        browser.open("/sandbox/store/tokopedia");
        WebElement chosen = null;
        for (WebElement t : browser.all("article.training")) {
            if (rupiah(t.findElement(By.cssSelector(".amount")).getText()) <= 1_000_000) {
                chosen = t;
                break;
            }
        }
        assertThat(chosen).as("a training within Rp1.000.000 at Tokopedia").isNotNull();
        String title = chosen.findElement(By.cssSelector("h3")).getText();
        long price = rupiah(chosen.findElement(By.cssSelector(".amount")).getText());
        send("a[href='" + chosen.findElement(By.cssSelector("a.button")).getDomAttribute("href") + "']");
        assertThat(browser.text("h1")).isEqualTo("Beli " + title);
        browser.type("cardNumber", cardNumber.replaceAll("(\\d{4})(?=\\d)", "$1 "));
        send("main form button[type=submit]");
        assertThat(browser.text("h1")).isEqualTo("Masukkan kode OTP");
        browser.type("otp", codeFromTheInboxPage(who.phone()));
        send("form[action$='/purchases'] button[type=submit]");
        String voucherCode = browser.text("#voucher-code");
        assertThat(voucherCode).matches("PK-[0-9A-Z]{5}-[0-9A-Z]{5}");
        assertThat(browser.text("#remaining-balance")).isEqualTo(new org.prakerja.web.PageFormat().rupiah(1_000_000 - price));

        // the institution of that training, reached from the purchase page's link
        send("a[href^='/sandbox/lms/']");
        assertThat(browser.path()).startsWith("/sandbox/lms/");
        browser.type("voucherCode", voucherCode);
        send("form[action$='/redemptions'] button");
        assertThat(browser.text("#voucher-status")).isEqualTo("Ditukar");
        browser.type("score", "70");
        send("form[action$='/pretest'] button");
        assertThat(browser.text("#voucher-status")).isEqualTo("Pre-test selesai");
        browser.type("postTestScore", "90");
        send("form[action$='/completion'] button");
        assertThat(browser.text("#voucher-status")).isEqualTo("Selesai");
        String certificate = browser.text("#certificate-number");

        browser.open("/vouchers");
        assertThat(browser.text("main")).contains(voucherCode, title, "Selesai", certificate);
        browser.checkPage("journey-vouchers-completed", false);
        browser.tick("rating", "4");
        browser.type("text", "Pelatihan yang rapi, contohnya dekat dengan pekerjaan");
        browser.submit("form.review button[type=submit]");
        assertThat(browser.text("[role=status]")).contains("Ulasanmu tersimpan");
        assertThat(browser.text("main")).contains("Pelatihan yang rapi, contohnya dekat dengan pekerjaan");
        assertThat(browser.all("form.review")).isEmpty();

        browser.open("/dashboard");
        assertThat(browser.find("ol.timeline li.current").getText()).contains("Insentif");
        assertThat(browser.text("#main")).contains(new org.prakerja.web.PageFormat().rupiah(1_000_000 - price));
        browser.checkPage("journey-dashboard-reviewed", false);
    }

    @Test
    @DisplayName("R-22, R-24 not selected: with a quota of one and a laid-off applicant ranked first, the dashboard says Kamu Belum Berhasil and offers the next open wave")
    void notSelectedJourney() {
        var who = aParticipant();
        readyToJoin(who);

        int wave = ops.openWave(1);
        // the laid-off are ranked first (R-22): with a quota of one this applicant takes the place
        var other = journey.readyToApply(aParticipant().employment("LAID_OFF"));
        assertThat(api.post("/api/v1/waves/" + wave + "/applications", "", other.token()).status()).isEqualTo(201);
        joinFromDashboard(wave);
        ops.close(wave);
        ops.select(wave);
        ops.announce(wave);

        browser.open("/dashboard");
        assertThat(browser.text("#main")).contains("Kamu Belum Berhasil", "gabung gelombang berikutnya");
        assertThat(browser.all("form[action='/dashboard/card']")).isEmpty();
        browser.checkPage("journey-not-selected", false);
        assertThat(api.get("/api/v1/me/card", other.token()).status()).isEqualTo(200);

        int next = ops.openWave(10);
        browser.open("/dashboard");
        assertThat(browser.text("form[action='/waves/" + next + "/join'] button")).isEqualTo("Gabung Gelombang " + next);
        joinFromDashboard(next);
        ops.close(next);
    }

    // --- steps a person takes in the browser

    /** Registers on the form, verifies with the two codes from the inbox page, logs in and passes the test. */
    void readyToJoin(ParticipantBuilder who) {
        var body = who.body();
        browser.open("/register");
        browser.type("email", who.email()).type("phone", "0" + who.phone().substring(3)).type("password", who.password())
                .type("fullName", (String) body.get("fullName")).type("nik", who.nik())
                .type("kkNumber", (String) body.get("kkNumber"));
        typeDate("birthDate", LocalDate.parse((String) body.get("birthDate")));
        browser.find("#gender-" + body.get("gender")).click();
        browser.select("province", "Jawa Barat").type("city", "Bandung").select("education", "SMA")
                .select("employmentStatus", (String) body.get("employmentStatus"));
        @SuppressWarnings("unchecked")
        var declarations = (Map<String, Object>) body.get("declarations");
        declarations.forEach((item, ticked) -> {
            if (Boolean.TRUE.equals(ticked)) {
                browser.tick("declarations." + item);
            }
        });
        browser.submit("main form button[type=submit]");
        assertThat(browser.path()).as(browser.pageText()).isEqualTo("/register/verify");

        browser.type("emailCode", codeFromTheInboxPage(who.email()));
        browser.type("smsCode", codeFromTheInboxPage(who.phone()));
        browser.submit("main form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/login?verified");

        browser.type("email", who.email()).type("password", who.password()).submit("main button[type=submit]");
        assertThat(browser.path()).isEqualTo("/dashboard");

        browser.open("/basic-test");
        for (JsonNode a : api.get("/sandbox/basic-test/answers").body().get("answers")) {
            browser.tick(a.get("questionId").asString(), a.get("optionId").asString());
        }
        browser.submit("main form button[type=submit]");
        assertThat(browser.text("[role=status]")).contains("Kamu lulus dengan nilai 100");
    }

    void joinFromDashboard(int wave) {
        browser.open("/dashboard");
        String button = "form[action='/waves/" + wave + "/join'] button";
        assertThat(browser.text(button)).isEqualTo("Gabung Gelombang " + wave);
        browser.submit(button);
        assertThat(browser.text("[role=status]")).contains("Kamu sudah bergabung di Gelombang " + wave);
    }

    /**
     * The newest code sent to {@code to}, read in a second tab on the inbox page as a person would,
     * leaving the page the code is typed into as it was. The relay job is off in tests.
     */
    String codeFromTheInboxPage(String to) {
        relay.relayAll();
        var driver = browser.driver();
        String form = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        try {
            browser.open("/sandbox/inbox");
            browser.type("to", to);
            send("main form button[type=submit]");
            assertThat(browser.text("#messages-heading")).contains(to.startsWith("+") ? "SMS ke" : "Email ke");
            String code = browser.text(to.startsWith("+") ? ".bubble .code" : ".mail .code");
            assertThat(code).matches("\\d{6}");
            return code;
        } finally {
            driver.close();
            driver.switchTo().window(form);
        }
    }

    /** A date typed as a person types it: the order of day and month follows the browser's language. */
    void typeDate(String name, LocalDate day) {
        var field = browser.find("#" + name);
        for (String typed : new String[] {
                String.format("%02d%02d%04d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()),
                String.format("%02d%02d%04d", day.getMonthValue(), day.getDayOfMonth(), day.getYear())}) {
            field.clear();
            field.sendKeys(typed);
            if (day.toString().equals(field.getDomProperty("value"))) {
                return;
            }
        }
        throw new AssertionError("could not type " + day + " into " + name);
    }

    /**
     * Clicks and waits for the page it leads to, so the next step reads that page. Chromium under load
     * now and then reports a node of a document it has just settled (a fresh tab most of all): the
     * element is looked up again and clicked once more.
     */
    static void send(String css) {
        var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
        for (int attempt = 1; ; attempt++) {
            wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            var leaving = browser.find("html");
            try {
                browser.find(css).click();
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3) {
                    throw e;
                }
                continue;
            }
            // only a click that went through waits for the next page: a second click could post twice
            wait.until(d -> Browser.replaced(leaving));
            break;
        }
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    static long rupiah(String shown) {
        return Long.parseLong(shown.replaceAll("\\D", ""));
    }
}
