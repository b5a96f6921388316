package org.prakerja.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Browser;
import org.prakerja.support.CardHolders;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.support.PartnerApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's demo pages in a real browser (docs/portal.md "Sandbox only"): a card holder buys in a
 * demo store with the OTP read off the inbox page, refunds under the platform's policy, and a demo
 * institution redeems, pre-tests and completes; both are signed clients of the partner API over
 * HTTP. The inbox and the clock are pages to a browser and stay JSON to programs.
 */
@IntegrationTest
class SandboxPagesTest {

    static Browser browser;
    /** Card holders from one wave, made once: a wave takes seconds, and each test uses its own holder. */
    static List<CardHolders.Holder> holders;

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient db;

    Api api;
    Operator ops;

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
        if (holders == null) {
            holders = new CardHolders(api, new Journey(api, relay), ops).make(2);
        }
        browser.driver().manage().deleteAllCookies();
    }

    @AfterEach
    void ledgerBalanced() {
        var r = ops.reconciliation();
        assertThat(r.get("balanced").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.get("total").asLong()).isZero();
    }

    @Test
    @DisplayName("R-50..R-53 a card holder buys in the demo store with the OTP from the inbox page, a wrong OTP is explained, and the refund follows the platform's policy")
    void buyWithTheOtpFromTheInboxAndRefund() {
        var holder = holders.get(0);
        var training = cheapest("tokopedia").get(0);
        long balance = balance(holder);
        long requestsBefore = partnerRequests("tokopedia");

        browser.open("/sandbox/store/tokopedia");
        assertThat(browser.text("h1")).isEqualTo("Toko Tokopedia");
        assertThat(browser.pageText()).contains("Tokopedia menerima pembatalan dalam 3 hari sejak pembelian",
                training.get("title").asString());
        assertThat(browser.overflowAt360()).isZero();
        browser.checkPage("sandbox-store", true);

        browser.submit("a[href='/sandbox/store/tokopedia/trainings/" + training.get("id").asString() + "']");
        assertThat(browser.text("h1")).isEqualTo("Beli " + training.get("title").asString());
        browser.checkPage("sandbox-store-buy", true);

        // typed in groups, as on the card
        String card = holder.cardNumber();
        browser.type("cardNumber", card.replaceAll("(\\d{4})(?=\\d)", "$1 "));
        browser.submit("main form button[type=submit]");
        assertThat(browser.text("h1")).isEqualTo("Masukkan kode OTP");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(card).endsWith("/sandbox/store/tokopedia/otp");
        assertThat(browser.text("[role=status]")).contains("dikirim lewat SMS ke").doesNotContain(holder.participant().who().phone());
        assertThat(browser.pageText()).contains("Kartu ************" + card.substring(12));

        String otp = otpFromTheInboxPage(holder.participant().who().phone());
        String wrong = otp.equals("000000") ? "111111" : "000000";
        browser.type("otp", wrong);
        browser.submit("form[action$='/purchases'] button[type=submit]");
        assertThat(browser.text("#error-summary")).contains("Kode OTP salah");
        assertThat(browser.fieldError("otp")).contains("Kode OTP salah");
        assertThat(browser.find("#otp").getAttribute("value")).isEmpty();
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(card).doesNotContain(wrong);
        browser.checkPage("sandbox-store-otp-wrong", true);

        browser.type("otp", otp);

        browser.submit("form[action$='/purchases'] button[type=submit]");
        assertThat(browser.path()).matches("/sandbox/store/tokopedia/purchases/[0-9a-f-]{36}");
        String purchaseId = browser.path().substring(browser.path().lastIndexOf('/') + 1);
        String voucherCode = browser.text("#voucher-code");
        assertThat(voucherCode).matches("PK-[0-9A-Z]{5}-[0-9A-Z]{5}");
        long price = training.get("price").asLong();
        assertThat(browser.text("#remaining-balance")).isEqualTo(rupiah(balance - price));
        assertThat(browser.text("[role=status]")).contains("Pembelian berhasil");
        browser.checkPage("sandbox-store-purchase", true);

        // the page was a partner like any other: signed requests with idempotency keys, its purchase on its books
        assertThat(partnerRequests("tokopedia") - requestsBefore).as("OTP, wrong OTP, purchase").isGreaterThanOrEqualTo(3);
        var onItsBooks = PartnerApi.seeded(api, port, "tokopedia").get("/partner/v1/purchases/" + purchaseId);
        assertThat(onItsBooks.status()).isEqualTo(200);
        assertThat(onItsBooks.body().get("voucherCode").asString()).isEqualTo(voucherCode);
        assertThat(myVoucher(holder, voucherCode).get("status").asString()).isEqualTo("PURCHASED");

        browser.type("reason", "Jadwal kerja bentrok");

        browser.submit("form[action$='/refund'] button[type=submit]");
        assertThat(browser.text("[role=status]")).contains("Pembelian dibatalkan", rupiah(price), rupiah(balance));
        assertThat(browser.text(".voucher .badge")).isEqualTo("Dibatalkan");
        assertThat(browser.all("form[action$='/refund']")).isEmpty();
        assertThat(browser.pageText()).doesNotContain("Tukarkan kode ini");
        browser.checkPage("sandbox-store-refunded", false);
        assertThat(myVoucher(holder, voucherCode).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(balance(holder)).isEqualTo(balance);
    }

    @Test
    @DisplayName("R-60..R-63 the demo institution redeems a voucher bought in the store, refuses a second one while the first runs (R-61), records the pre-test and completes with a certificate")
    void redeemPretestAndComplete() {
        var holder = holders.get(1);
        var trainings = cheapest("tokopedia");
        var first = trainings.get(0);
        var second = trainings.get(1);
        String firstCode = buyInTheStore(holder, "tokopedia", first);
        String secondCode = buyInTheStore(holder, "tokopedia", second);
        String firstInstitution = first.get("institution").get("id").asString();
        String secondInstitution = second.get("institution").get("id").asString();

        long institutionRequests = partnerRequests(firstInstitution);
        browser.open("/sandbox/lms/" + firstInstitution);
        assertThat(browser.text("h1")).isEqualTo(first.get("institution").get("name").asString());
        assertThat(browser.pageText()).contains(first.get("title").asString());
        browser.checkPage("sandbox-lms", true);
        browser.type("voucherCode", firstCode.toLowerCase(Locale.ROOT));
        browser.submit("form[action$='/redemptions'] button");
        assertThat(browser.path()).isEqualTo("/sandbox/lms/" + firstInstitution + "/vouchers/" + firstCode);
        assertThat(browser.text("[role=status]")).contains("Kode voucher berhasil ditukar");
        assertThat(browser.text("#voucher-status")).isEqualTo("Ditukar");
        assertThat(browser.pageText()).contains(first.get("title").asString());
        browser.checkPage("sandbox-lms-redeemed", true);
        assertThat(myVoucher(holder, firstCode).get("status").asString()).isEqualTo("REDEEMED");

        browser.open("/sandbox/lms/" + secondInstitution);
        browser.type("voucherCode", secondCode);
        browser.submit("form[action$='/redemptions'] button");
        assertThat(browser.text(".notice.bad[role=alert]")).contains("Peserta masih menjalani pelatihan lain");
        assertThat(browser.find("#voucherCode").getAttribute("value")).isEqualTo(secondCode);
        assertThat(myVoucher(holder, secondCode).get("status").asString()).isEqualTo("PURCHASED");

        browser.open("/sandbox/lms/" + firstInstitution + "/vouchers/" + firstCode);
        browser.type("score", "101");
        browser.submit("form[action$='/pretest'] button");
        assertThat(browser.fieldError("score")).contains("0 sampai 100");
        browser.type("score", "62");
        browser.submit("form[action$='/pretest'] button");
        assertThat(browser.text("#voucher-status")).isEqualTo("Pre-test selesai");
        // the page numbers the certificate each time it shows the form (checkPage reloads it)
        browser.checkPage("sandbox-lms-pretest-done", true);
        String certificate = browser.find("input[name=certificateNumber]").getAttribute("value");
        assertThat(certificate).startsWith("SERT-" + firstInstitution.toUpperCase(Locale.ROOT) + "-");
        browser.type("postTestScore", "88");
        browser.submit("form[action$='/completion'] button");
        assertThat(browser.text("#voucher-status")).isEqualTo("Selesai");
        assertThat(browser.text("#certificate-number")).isEqualTo(certificate);
        browser.checkPage("sandbox-lms-completed", false);

        var done = myVoucher(holder, firstCode);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("pretestScore").asInt()).isEqualTo(62);
        assertThat(done.get("certificate").get("number").asString()).isEqualTo(certificate);
        assertThat(api.get("/api/v1/certificates/" + certificate).body().get("valid").asBoolean()).isTrue();
        assertThat(partnerRequests(firstInstitution) - institutionRequests).as("redeem, pre-test, completion")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("a refusal of the partner API is a clear message in the page's language, the card number kept only in the form as typed")
    void refusalsInTheReadersLanguage() {
        var training = cheapest("pijarmahir").get(0);
        browser.open("/sandbox/store/pijarmahir/trainings/" + training.get("id").asString() + "?lang=en");
        assertThat(browser.text("h1")).isEqualTo("Buy " + training.get("title").asString());

        browser.type("cardNumber", "12345");

        browser.submit("main form button[type=submit]");
        assertThat(browser.fieldError("cardNumber")).isEqualTo("Enter the 16 digits of the Kartu Prakerja number.");

        String unknown = "9999 0000 1111 2222";
        browser.type("cardNumber", unknown);
        browser.submit("main form button[type=submit]");
        assertThat(browser.text("#error-summary")).contains("No Kartu Prakerja has that number");
        assertThat(browser.fieldError("cardNumber")).contains("No Kartu Prakerja has that number");
        assertThat(browser.find("#cardNumber").getAttribute("value")).isEqualTo(unknown);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("9999");
        browser.checkPage("sandbox-store-refused-en", false);

        browser.open("/sandbox/store/pijarmahir?lang=id");
        assertThat(browser.pageText()).contains("Pijar Mahir tidak menerima pembatalan");
        browser.open("/sandbox/lms/lp-cakap");
        browser.type("voucherCode", "PK-00000-00000");
        browser.submit("form[action$='/redemptions'] button");
        assertThat(browser.fieldError("voucherCode")).contains("Kode voucher tidak ditemukan");
    }

    @Test
    @DisplayName("docs/api.md section 4: the inbox and the clock are pages to a browser and stay JSON to programs")
    void inboxAndClockPages() {
        var holder = holders.get(0);
        relay.relayAll();
        var json = api.get("/sandbox/inbox?to=" + holder.participant().who().email());
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body().isArray()).isTrue();
        assertThat(json.body().size()).isPositive();

        browser.open("/sandbox/inbox");
        browser.checkPage("sandbox-inbox-empty", true);
        browser.type("to", holder.participant().who().email());
        browser.submit("main form button[type=submit]");
        assertThat(browser.text("#messages-heading")).isEqualTo("Email ke " + holder.participant().who().email());
        assertThat(browser.all(".mail")).hasSize(json.body().size());
        assertThat(browser.text(".mail h3")).isEqualTo(json.body().get(0).get("subject").asString());
        browser.checkPage("sandbox-inbox-email", true);

        var before = OffsetDateTime.parse(api.get("/sandbox/clock").body().get("now").asString());
        browser.open("/sandbox/clock");
        browser.checkPage("sandbox-clock", true);
        browser.submit("button[value=P1D]");
        assertThat(browser.path()).isEqualTo("/sandbox/clock");
        assertThat(browser.text("[role=status]")).isEqualTo("Jam uji dimajukan.");
        var after = OffsetDateTime.parse(api.get("/sandbox/clock").body().get("now").asString());
        assertThat(Duration.between(before, after)).isBetween(Duration.ofDays(1), Duration.ofDays(1).plusMinutes(5));

        // the buttons above are named advance too: the text field by its id
        browser.find("input#advance").sendKeys("besok");
        browser.submit("form.stack button[type=submit]");
        assertThat(browser.fieldError("advance")).contains("ISO-8601");
        assertThat(browser.find("#advance").getAttribute("value")).isEqualTo("besok");

        var moved = api.post("/sandbox/clock", Map.of("advance", "PT1M"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().has("now")).isTrue();
    }

    @Test
    @DisplayName("the sandbox index lists every demo store and institution, the tools and the demo logins")
    void index() {
        browser.open("/sandbox");
        assertThat(browser.text("h1")).isEqualTo("Sandbox Prakerja");
        assertThat(browser.all("a[href^='/sandbox/store/']")).hasSize(5);
        assertThat(browser.all("a[href^='/sandbox/lms/']")).hasSize(8);
        assertThat(browser.pageText()).contains("Pijar Mahir", "Tanpa pembatalan", "Pembatalan dalam 14 hari",
                "admin@prakerja.test", "operator-sandbox-1", "Kotak masuk SMS dan email", "Jam uji");
        assertThat(browser.overflowAt360()).isZero();
        browser.checkPage("sandbox-index", true);
    }

    // --- steps

    /** Buys in the demo store's pages with the OTP from the inbox page; the voucher code the page shows. */
    private String buyInTheStore(CardHolders.Holder holder, String platform, JsonNode training) {
        browser.open("/sandbox/store/" + platform + "/trainings/" + training.get("id").asString());
        browser.type("cardNumber", holder.cardNumber());
        browser.submit("main form button[type=submit]");
        browser.type("otp", otpFromTheInboxPage(holder.participant().who().phone()));
        browser.submit("form[action$='/purchases'] button[type=submit]");
        return browser.text("#voucher-code");
    }

    /**
     * As a person would: the OTP page's link opens the inbox in a new tab, where the newest SMS has
     * the code. The OTP page is up, so its SMS is in the outbox; the relay job is off in tests.
     */
    private String otpFromTheInboxPage(String phone) {
        assertThat(browser.text("h1")).isEqualTo("Masukkan kode OTP");
        relay.relayAll();
        var driver = browser.driver();
        String store = driver.getWindowHandle();
        driver.findElement(By.cssSelector("a[target=_blank][href='/sandbox/inbox']")).click();
        String inbox = driver.getWindowHandles().stream().filter(h -> !h.equals(store)).findFirst().orElseThrow();
        driver.switchTo().window(inbox);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("to")).isEmpty());
        try {
            browser.type("to", phone);
            browser.submit("main form button[type=submit]");
            assertThat(browser.text("#messages-heading")).startsWith("SMS ke +62");
            assertThat(browser.text(".bubble")).contains("kode OTP");
            if (!checkedInbox) {
                checkedInbox = true;
                browser.checkPage("sandbox-inbox-sms", true);
            }
            return browser.text(".bubble .code");
        } finally {
            driver.close();
            driver.switchTo().window(store);
        }
    }

    private static boolean checkedInbox;



    /** The platform's trainings as its partner API lists them, cheapest first. */
    private List<JsonNode> cheapest(String platform) {
        var items = PartnerApi.seeded(api, port, platform).get("/partner/v1/trainings").body().get("items");
        var list = new ArrayList<JsonNode>(StreamSupport.stream(items.spliterator(), false).toList());
        list.sort((a, b) -> Long.compare(a.get("price").asLong(), b.get("price").asLong()));
        return list;
    }

    private long balance(CardHolders.Holder holder) {
        return api.get("/api/v1/me/card", holder.token()).body().get("balance").asLong();
    }

    private JsonNode myVoucher(CardHolders.Holder holder, String code) {
        for (JsonNode v : api.get("/api/v1/me/vouchers", holder.token()).body().get("items")) {
            if (v.get("voucherCode").asString().equals(code)) {
                return v;
            }
        }
        throw new AssertionError("no voucher " + code);
    }

    private long partnerRequests(String partnerId) {
        return db.sql("SELECT count(*) FROM partner_request WHERE partner_id = ?").param(partnerId)
                .query(Long.class).single();
    }

    private static String rupiah(long amount) {
        return "Rp" + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(amount);
    }
}
