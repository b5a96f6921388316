package org.prakerja.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Browser;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.support.ParticipantBuilder;
import org.prakerja.support.PartnerApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The participant's and the public pages in a real browser (docs/portal.md): register → verify → basic
 * test → Gabung Gelombang → the result, the card, a purchase and its voucher, the review; the
 * catalog and the certificate check. Forms re-show themselves on bad input and store nothing, core
 * forms work with JavaScript off, and no page shows one participant another's card or vouchers.
 */
@IntegrationTest
class ParticipantPagesTest {

    private static final Pattern OTP = Pattern.compile("kode OTP (\\d{6})");

    static Browser browser;
    static Browser noScript;

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient db;

    Api api;
    Operator ops;
    Journey journey;

    @BeforeAll
    static void start(@Autowired org.springframework.core.env.Environment env) {
        int port = Integer.parseInt(env.getProperty("local.server.port"));
        browser = new Browser(port);
        noScript = new Browser(port, false);
    }

    @AfterAll
    static void stop() {
        browser.close();
        noScript.close();
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ops = new Operator(api);
        journey = new Journey(api, relay);
        browser.driver().manage().deleteAllCookies();
        noScript.driver().manage().deleteAllCookies();
    }

    @AfterEach
    void ledgerBalanced() {
        var r = ops.reconciliation();
        assertThat(r.get("balanced").asBoolean()).as(r.toString()).isTrue();
    }

    // --- steps a person takes in a browser

    void fillRegistration(Browser b, ParticipantBuilder who) {
        var body = who.body();
        b.open("/register");
        b.type("email", who.email()).type("phone", "0" + who.phone().substring(3)).type("password", who.password())
                .type("fullName", (String) body.get("fullName")).type("nik", who.nik())
                .type("kkNumber", (String) body.get("kkNumber"));
        typeDate(b, "birthDate", LocalDate.parse((String) body.get("birthDate")));
        b.find("#gender-" + body.get("gender")).click();
        b.select("province", "Jawa Barat").type("city", "Bandung").select("education", "SMA")
                .select("employmentStatus", (String) body.get("employmentStatus"));
        @SuppressWarnings("unchecked")
        var declarations = (Map<String, Object>) body.get("declarations");
        declarations.forEach((item, ticked) -> {
            if (Boolean.TRUE.equals(ticked)) {
                b.tick("declarations." + item);
            }
        });
    }

    /** A date field typed as a person types it: the order of day and month follows the browser's language. */
    static void typeDate(Browser b, String name, LocalDate day) {
        var field = b.find("#" + name);
        for (String typed : new String[] {
                String.format("%02d%02d%04d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()),
                String.format("%02d%02d%04d", day.getMonthValue(), day.getDayOfMonth(), day.getYear())}) {
            field.clear();
            field.sendKeys(typed);
            if (day.toString().equals(field.getDomProperty("value"))) {
                return;
            }
        }
        throw new AssertionError("could not type " + day + " into " + name + ": " + field.getDomProperty("value"));
    }

    UUID register(Browser b, ParticipantBuilder who) {
        fillRegistration(b, who);
        b.submit("main form button[type=submit]");
        assertThat(b.path()).as(b.pageText()).isEqualTo("/register/verify");
        return db.sql("SELECT id FROM participant WHERE email = ?").param(who.email()).query(UUID.class).single();
    }

    void verify(Browser b, ParticipantBuilder who) {
        b.type("emailCode", journey.latestCode(who.email())).type("smsCode", journey.latestCode(who.phone()));
        b.submit("main form button[type=submit]");
        assertThat(b.path()).isEqualTo("/login?verified");
    }

    void login(Browser b, ParticipantBuilder who) {
        b.open("/login").type("email", who.email()).type("password", who.password()).submit("main button[type=submit]");
        assertThat(b.path()).isEqualTo("/dashboard");
    }

    void passBasicTest(Browser b) {
        b.open("/basic-test");
        for (JsonNode a : api.get("/sandbox/basic-test/answers").body().get("answers")) {
            b.tick(a.get("questionId").asString(), a.get("optionId").asString());
        }
        b.submit("main form button[type=submit]");
        assertThat(b.path()).isEqualTo("/basic-test");
        assertThat(b.text("[role=status]")).contains("Kamu lulus dengan nilai 100");
    }

    void joinFromDashboard(Browser b, int wave) {
        b.open("/dashboard");
        assertThat(b.text("form[action='/waves/" + wave + "/join'] button")).isEqualTo("Gabung Gelombang " + wave);
        b.submit("form[action='/waves/" + wave + "/join'] button");
        assertThat(b.path()).isEqualTo("/dashboard");
        assertThat(b.text("[role=status]")).contains("Kamu sudah bergabung di Gelombang " + wave);
    }

    /**
     * A hand-made form posted in a browser's session with that session's CSRF token, as a person who
     * edits a page or keeps a stale tab could; the browser then shows where the answer led.
     */
    void postAs(Browser b, String path, Map<String, String> fields) {
        try {
            String cookie = "PRAKERJA_SESSION=" + b.driver().manage().getCookieNamed("PRAKERJA_SESSION").getValue();
            var http = java.net.http.HttpClient.newHttpClient();
            String page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/account"))
                    .header("Cookie", cookie).header("Accept", "text/html").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(token.find()).as(page).isTrue();
            var form = new StringBuilder("_csrf=" + token.group(1));
            fields.forEach((k, v) -> form.append('&').append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Cookie", cookie).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            b.open(answer.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String otp(PartnerApi platform, String cardNumber, String trainingId, ParticipantBuilder who) {
        var r = platform.post("/partner/v1/otp", Map.of("cardNumber", cardNumber, "trainingId", trainingId));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        relay.relayAll();
        var sms = api.get("/sandbox/inbox?to=" + who.phone().replace("+", "%2B")).body().get(0);
        var m = OTP.matcher(sms.get("body").asString());
        assertThat(m.find()).isTrue();
        return r.body().get("otpId").asString() + ":" + m.group(1);
    }

    long count(String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    // --- the journeys

    @Test
    @DisplayName("R-10..R-24 register, verify, test and join in a browser; selected sees Selamat and the card, the other Kamu Belum Berhasil and the next wave")
    void theJourneyToTheResult() {
        int wave = ops.openWave(1);
        // the laid-off are ranked first (R-22), so with a quota of one the first person is selected
        var first = aParticipant().employment("LAID_OFF");
        var second = aParticipant().named("Siti Aminah").female();

        register(browser, first);
        assertThat(browser.pageText()).contains("p***@example.id".replace("p***", first.email().charAt(0) + "***"));
        browser.checkPage("register-verify", true);
        verify(browser, first);
        assertThat(browser.text("[role=status]")).contains("terverifikasi");
        login(browser, first);
        assertThat(browser.text("#status-heading + p")).contains("tes kemampuan dasar");
        assertThat(browser.find("ol.timeline li.current").getText()).contains("Tes");
        browser.open("/basic-test");
        browser.checkPage("basic-test", true);
        passBasicTest(browser);
        browser.checkPage("basic-test-passed", false);
        joinFromDashboard(browser, wave);
        assertThat(browser.text("#main")).contains("Menunggu gelombang ditutup");
        browser.checkPage("dashboard-waiting", true);

        // the same core forms with JavaScript off: register, verify, log in, test, join
        register(noScript, second);
        verify(noScript, second);
        login(noScript, second);
        passBasicTest(noScript);
        joinFromDashboard(noScript, wave);

        ops.close(wave);
        browser.open("/dashboard");
        assertThat(browser.text("#main")).contains("Sedang Dievaluasi");
        ops.select(wave);
        ops.announce(wave);

        browser.open("/dashboard");
        assertThat(browser.text("#status-heading + p")).isEqualTo("Selamat! Kamu lolos Gelombang " + wave + ".");
        String masked = browser.text(".amount.mono");
        assertThat(masked).contains("*");
        assertThat(browser.text("#main")).contains("Rp1.000.000", "Beli pelatihan pertama dalam 30 hari");
        assertThat(browser.find("ol.timeline li.current").getText()).contains("Beli");
        assertThat(browser.all("ol.timeline li.done")).hasSize(4);
        assertThat(browser.text("#notices-heading")).contains("belum dibaca");
        assertThat(browser.overflowAt360()).as("dashboard-selected").isZero();
        browser.checkPage("dashboard-selected", true);
        browser.submit("form[action='/dashboard/card'] button");
        String cardNumber = browser.text("#card-number");
        assertThat(cardNumber).as("in groups of four").matches("\\d{4} \\d{4} \\d{4} \\d{4}")
                .endsWith(masked.substring(masked.length() - 4));
        assertThat(browser.path()).isEqualTo("/dashboard/card").doesNotContain(cardNumber.replace(" ", ""));
        browser.open("/dashboard");
        assertThat(browser.driver().getPageSource()).doesNotContain(cardNumber).doesNotContain(cardNumber.replace(" ", ""));

        // R-90 the notices shown are marked read by a plain form; the count and the button go
        assertThat(browser.all(".notices li.unread")).isNotEmpty();
        browser.submit("form[action='/dashboard/notifications/read'] button");
        assertThat(browser.path()).as("back where the notices are").isEqualTo("/dashboard#notices-heading");
        assertThat(browser.text("#notices-heading")).doesNotContain("belum dibaca");
        assertThat(browser.all(".notices li.unread")).isEmpty();
        assertThat(browser.all(".notices li")).isNotEmpty();
        assertThat(browser.all("form[action='/dashboard/notifications/read']")).isEmpty();

        noScript.open("/dashboard");
        assertThat(noScript.text("#main")).contains("Kamu Belum Berhasil", "gabung gelombang berikutnya")
                .doesNotContain(cardNumber).doesNotContain(cardNumber.replace(" ", ""));
        assertThat(noScript.all("form[action='/dashboard/card']")).isEmpty();
        int next = ops.openWave(10);
        joinFromDashboard(noScript, next);
        assertThat(noScript.text("#main")).contains("Menunggu gelombang ditutup");
        ops.close(next);

        // the selected person buys through a platform's API with the number the page revealed
        var tokopedia = PartnerApi.seeded(api, port, "tokopedia");
        var training = tokopedia.get("/partner/v1/trainings").body().get("items").get(0);
        String trainingId = training.get("id").asString();
        String number = cardNumber.replace(" ", "");
        String[] otp = otp(tokopedia, number, trainingId, first).split(":");
        var bought = tokopedia.post("/partner/v1/purchases", Map.of("cardNumber", number, "otpId", otp[0], "otp", otp[1],
                "trainingId", trainingId));
        assertThat(bought.status()).as(bought.raw()).isEqualTo(201);
        String code = bought.body().get("voucherCode").asString();

        browser.open("/vouchers");
        assertThat(browser.text("main")).contains(code, training.get("title").asString(), "Dibeli",
                new org.prakerja.web.PageFormat().rupiah(training.get("price").asLong()));
        assertThat(browser.overflowAt360()).as("vouchers").isZero();
        browser.checkPage("vouchers", true);
        browser.submit(".voucher form[action$='/resend'] button");
        assertThat(browser.text("[role=status]")).contains("dikirim ulang");
        relay.relayAll();
        assertThat(api.get("/sandbox/inbox?to=" + first.email()).body().get(0).get("body").asString()).contains(code);

        // the other participant cannot reach this voucher through any form
        String secondEmail = second.email();
        relay.relayAll();
        int mailsBefore = api.get("/sandbox/inbox?to=" + secondEmail).body().size();
        int firstMailsBefore = api.get("/sandbox/inbox?to=" + first.email()).body().size();
        noScript.open("/vouchers");
        assertThat(noScript.text("main")).doesNotContain(code);
        postAs(noScript, "/vouchers/" + code + "/resend", Map.of());
        assertThat(noScript.path()).isEqualTo("/vouchers");
        assertThat(noScript.text("[role=alert]")).contains("Voucher itu tidak ada di akunmu");
        relay.relayAll();
        assertThat(api.get("/sandbox/inbox?to=" + secondEmail).body().size()).isEqualTo(mailsBefore);
        assertThat(api.get("/sandbox/inbox?to=" + first.email()).body().size()).isEqualTo(firstMailsBefore);

        var institution = PartnerApi.seeded(api, port, training.get("institution").get("id").asString());
        assertThat(institution.post("/partner/v1/redemptions", Map.of("voucherCode", code)).status()).isEqualTo(201);
        assertThat(institution.post("/partner/v1/vouchers/" + code + "/pretest", Map.of("score", 60)).status())
                .isEqualTo(200);
        String certificate = "CERT-" + UUID.randomUUID().toString().substring(0, 8);
        var completed = institution.post("/partner/v1/vouchers/" + code + "/completion", Map.of("postTestScore", 85,
                "certificateNumber", certificate, "certificateUrl", "https://lp.example.id/sertifikat/" + certificate,
                "issuedAt", OffsetDateTime.now(ZoneOffset.ofHours(7)).toString()));
        assertThat(completed.status()).as(completed.raw()).isEqualTo(200);

        browser.open("/vouchers");
        assertThat(browser.text("main")).contains("Selesai", certificate);
        // a review with no rating comes back with its message and the words typed
        browser.type("text", "Materinya jelas dan praktis");
        browser.submit("form.review button[type=submit]");
        assertThat(browser.text("#error-summary")).contains("Pilih nilai 1 sampai 5");
        assertThat(browser.find("form.review textarea").getDomProperty("value")).isEqualTo("Materinya jelas dan praktis");
        assertThat(count("SELECT count(*) FROM training_record WHERE certificate_number = ? AND review_rating IS NOT NULL",
                certificate)).isZero();
        browser.checkPage("vouchers-review-refused", false);

        // the other participant's review form for this code is refused and stores nothing
        postAs(noScript, "/vouchers/" + code + "/review", Map.of("rating", "5", "text", "bukan punyaku"));
        assertThat(noScript.text("[role=alert]")).contains("Voucher itu tidak ada di akunmu");
        assertThat(count("SELECT count(*) FROM training_record WHERE certificate_number = ? AND review_rating IS NOT NULL",
                certificate)).isZero();

        browser.tick("rating", "5");
        browser.submit("form.review button[type=submit]");
        assertThat(browser.text("[role=status]")).contains("Ulasanmu tersimpan");
        assertThat(browser.text("main")).contains("Materinya jelas dan praktis");
        assertThat(browser.all("form.review")).isEmpty();
        browser.open("/dashboard");
        assertThat(browser.find("ol.timeline li.current").getText()).contains("Insentif");

        // the certificate is public, its holder masked
        browser.open("/certificates/" + certificate);
        assertThat(browser.text("main")).contains("Sertifikat sah", "B*** S***", training.get("title").asString());
        browser.checkPage("certificate", true);
        await().untilAsserted(() -> {
            browser.open("/trainings/" + trainingId);
            assertThat(browser.text("main")).contains("Materinya jelas dan praktis");
        });
        assertThat(browser.find(".reviews .sr-only").getAttribute("textContent")).isEqualTo("Nilai 5 dari 5");
        // the rating reaches the catalog from the review's event: stars for the eye, words for a screen reader
        await().untilAsserted(() -> {
            browser.open("/trainings?q=" + java.net.URLEncoder.encode(training.get("title").asString(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(browser.text("ul.trainings .rating")).containsPattern("Rating [0-9],[0-9] dari 5 \\([0-9]+ ulasan\\)");
        });
        assertThat(browser.find("ul.trainings .stars").getAttribute("aria-hidden")).isEqualTo("true");
        browser.checkPage("training", true);
    }


    @Test
    @DisplayName("R-10, R-11 a bad registration comes back with the summary, each field's message and what was typed (not the password), and stores nothing")
    void badRegistration() {
        long before = count("SELECT count(*) FROM participant");
        var who = aParticipant();
        fillRegistration(browser, who);
        // a NIK that disagrees with the birth date, a weak password, a name with digits, no province
        String wrongNik = who.nik().substring(0, 6) + "010190" + who.nik().substring(12);
        browser.type("nik", wrongNik).type("password", "12345678").type("fullName", "Budi 123")
                .select("province", "");
        browser.submit("main form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/register");
        assertThat(browser.find("#error-summary").getAttribute("role")).isEqualTo("alert");
        assertThat(browser.all("#error-summary li")).hasSize(4);
        assertThat(browser.fieldError("nik")).isEqualTo("NIK tidak cocok dengan tanggal lahir dan jenis kelamin yang diisi");
        assertThat(browser.fieldError("password")).contains("terlalu mudah ditebak");
        assertThat(browser.fieldError("fullName")).contains("nama lengkap");
        assertThat(browser.fieldError("province")).isEqualTo("Pilih provinsi");
        assertThat(browser.find("#email").getDomProperty("value")).isEqualTo(who.email());
        assertThat(browser.find("#nik").getDomProperty("value")).isEqualTo(wrongNik);
        assertThat(browser.find("#password").getDomProperty("value")).isEmpty();
        assertThat(browser.find("#gender-M").isSelected()).isTrue();
        assertThat(browser.find("#employmentStatus").getDomProperty("value")).isEqualTo("UNEMPLOYED");
        assertThat(browser.find("#nik").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(count("SELECT count(*) FROM participant")).isEqualTo(before);
        assertThat(browser.overflowAt360()).as("register-refused").isZero();
        browser.checkPage("register-refused", false);

        // nothing filled in at all, and the declarations ticked are kept
        browser.open("/register").tick("declarations.inSchool").submit("main form button[type=submit]");
        assertThat(browser.all("#error-summary li")).hasSizeGreaterThanOrEqualTo(11);
        assertThat(browser.find("[name='declarations.inSchool']").isSelected()).isTrue();
        assertThat(browser.fieldError("gender-M")).isEqualTo("Pilih jenis kelamin");

        // an email already registered is said beside the email
        var taken = aParticipant();
        journey.register(taken);
        fillRegistration(browser, aParticipant());
        browser.type("email", taken.email()).submit("main form button[type=submit]");
        assertThat(browser.fieldError("email")).as(browser.path() + " " + browser.pageText()).contains("sudah terdaftar");
        assertThat(count("SELECT count(*) FROM participant")).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("R-12, R-14 wrong codes and an unanswered test are said beside the fields; nothing is verified or recorded")
    void badCodesAndAnUnansweredTest() {
        var who = aParticipant();
        UUID id = register(browser, who);
        browser.type("emailCode", "12ab").type("smsCode", "000000").submit("main form button[type=submit]");
        assertThat(browser.fieldError("emailCode")).isEqualTo("Masukkan 6 angka kode");
        assertThat(browser.find("#smsCode").getDomProperty("value")).isEmpty();
        String right = journey.latestCode(who.email());
        String wrong = right.equals("000000") ? "000001" : "000000";
        browser.type("emailCode", wrong).type("smsCode", wrong).submit("main form button[type=submit]");
        assertThat(browser.fieldError("emailCode")).isEqualTo("Kode salah. Periksa lagi pesannya.");
        assertThat(count("SELECT count(*) FROM participant WHERE id = ? AND (email_verified_at IS NOT NULL OR phone_verified_at IS NOT NULL)",
                id)).isZero();
        browser.checkPage("register-verify-refused", false);

        // logged in before verifying: the dashboard says so, and joining is refused with the reason
        login(browser, who);
        assertThat(browser.text("#status-heading + p")).contains("Verifikasi email dan nomor HP");
        int wave = ops.openWave(5);
        postAs(browser, "/waves/" + wave + "/join", Map.of());
        assertThat(browser.text("[role=alert]")).isEqualTo("Verifikasi email dan nomor HP dulu sebelum gabung gelombang.");
        postAs(browser, "/waves/999999/join", Map.of());
        assertThat(browser.text("[role=alert]")).isEqualTo("Gelombang 999999 tidak ada.");
        assertThat(count("SELECT count(*) FROM application WHERE participant_id = ?", id)).isZero();

        browser.open("/register/verify");
        browser.type("emailCode", journey.latestCode(who.email())).type("smsCode", journey.latestCode(who.phone()))
                .submit("main form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/dashboard");
        postAs(browser, "/waves/" + wave + "/join", Map.of());
        assertThat(browser.text("[role=alert]")).contains("Lulus tes kemampuan dasar dulu");

        browser.open("/basic-test");
        var answers = api.get("/sandbox/basic-test/answers").body().get("answers");
        browser.tick("q1", answers.get(0).get("optionId").asString());
        browser.submit("main form button[type=submit]");
        assertThat(browser.all("#error-summary li")).hasSize(4);
        assertThat(browser.fieldError("q2-a")).isEqualTo("Pilih satu jawaban untuk soal 2");
        assertThat(browser.find("#q1-" + answers.get(0).get("optionId").asString()).isSelected()).isTrue();
        assertThat(count("SELECT count(*) FROM basic_test_attempt WHERE participant_id = ?", id)).isZero();
        ops.close(wave);
    }

    @Test
    @DisplayName("R-13, R-21 refusals to join are said on the dashboard: not eligible with the reason, already applied")
    void joinRefusals() {
        int wave = ops.openWave(5);
        var student = journey.readyToApply(aParticipant().declaring("inSchool"));
        login(browser, student.who());
        assertThat(browser.text("#status-heading + p")).contains("sedang sekolah");
        assertThat(browser.all("form[action$='/join']")).isEmpty();
        postAs(browser, "/waves/" + wave + "/join", Map.of());
        assertThat(browser.text("[role=alert]")).startsWith("Kamu belum bisa gabung:").contains("sedang sekolah");

        browser.driver().manage().deleteAllCookies();
        var ready = journey.readyToApply(aParticipant());
        login(browser, ready.who());
        assertThat(browser.text("#status-heading + p")).contains("Gelombang " + wave + " sedang dibuka");
        // joined meanwhile in another tab: the button on this page is stale
        assertThat(api.post("/api/v1/waves/" + wave + "/applications", "", ready.token()).status()).isEqualTo(201);
        browser.submit("form[action='/waves/" + wave + "/join'] button");
        assertThat(browser.text("[role=alert]")).isEqualTo("Kamu sudah gabung gelombang dan masih menunggu hasilnya.");
        assertThat(browser.text("#main")).contains("Menunggu gelombang ditutup");
        ops.close(wave);
    }

    @Test
    @DisplayName("R-82 the account page shows the NIK masked; a new password needs the current one and the policy, "
            + "and ends the account's other sessions")
    void account() {
        var who = aParticipant();
        journey.readyToApply(who);
        login(browser, who);
        browser.open("/account");
        assertThat(browser.text("main")).contains(who.nik().substring(0, 4) + "********" + who.nik().substring(12), "Jawa Barat")
                .doesNotContain(who.nik());
        browser.checkPage("account", true);

        browser.type("currentPassword", "salah-sekali-99").type("newPassword", "password").submit("main form button[type=submit]");
        assertThat(browser.fieldError("newPassword")).contains("paling sering dipakai");
        assertThat(browser.find("#currentPassword").getDomProperty("value")).isEmpty();
        browser.type("currentPassword", "salah-sekali-99").type("newPassword", "Kopi-tubruk-2026").submit("main form button[type=submit]");
        assertThat(browser.fieldError("currentPassword")).isEqualTo("Kata sandi sekarang salah");
        assertThat(api.login(who.email(), who.password())).isNotBlank();
        browser.checkPage("account-refused", false);

        // the same person signed in on another device, which the new password must end
        login(noScript, who);
        noScript.open("/dashboard");
        assertThat(noScript.path()).isEqualTo("/dashboard");
        String before = browser.driver().manage().getCookieNamed("PRAKERJA_SESSION").getValue();

        browser.type("currentPassword", who.password()).type("newPassword", "Kopi-tubruk-2026").submit("main form button[type=submit]");
        assertThat(browser.text("[role=status]")).isEqualTo("Kata sandi sudah diganti.");
        assertThat(api.post("/api/v1/sessions", Map.of("email", who.email(), "password", who.password())).status()).isEqualTo(401);
        assertThat(api.login(who.email(), "Kopi-tubruk-2026")).isNotBlank();
        // R-82 the other device is signed out; this one goes on, under a new session id
        noScript.open("/dashboard");
        assertThat(noScript.path()).isEqualTo("/login");
        browser.open("/dashboard");
        assertThat(browser.path()).isEqualTo("/dashboard");
        assertThat(browser.driver().manage().getCookieNamed("PRAKERJA_SESSION").getValue()).isNotEqualTo(before);
    }

    @Test
    @DisplayName("R-41 the catalog filters by category, platform, method and price, sorts, searches, and shows ratings as stars with words")
    void catalog() {
        browser.open("/trainings");
        int all = Integer.parseInt(browser.text("main > p[role=status]").replaceAll("[^0-9]", ""));
        assertThat(all).isPositive();
        assertThat(browser.text("ul.trainings .rating")).contains("ulasan");
        assertThat(browser.overflowAt360()).as("trainings").isZero();
        browser.checkPage("trainings", true);

        assertThat(browser.find("#sort").isDisplayed()).isFalse();
        browser.find("form.catalog-search summary").click();
        browser.select("sort", "price").submit("form.catalog-search button[type=submit]");
        var prices = browser.all("ul.trainings .amount").stream()
                .map(e -> Long.parseLong(e.getText().replaceAll("[^0-9]", ""))).toList();
        assertThat(prices).isSorted();
        assertThat(browser.path()).contains("sort=price");

        browser.open("/trainings?platform=tokopedia&method=VIDEO&maxPrice=500000");
        for (var price : browser.all("ul.trainings .amount")) {
            assertThat(Long.parseLong(price.getText().replaceAll("[^0-9]", ""))).isLessThanOrEqualTo(500_000);
        }
        assertThat(browser.text("ul.trainings")).doesNotContain("Webinar", "Luring");
        assertThat(browser.find("#platform").getDomProperty("value")).isEqualTo("tokopedia");

        String title = browser.open("/trainings").text("ul.trainings h2");
        String word = title.split(" ")[0];
        browser.type("q", word).submit("form.catalog-search button[type=submit]");
        assertThat(browser.text("ul.trainings")).containsIgnoringCase(word);

        browser.open("/trainings?minPrice=murah&category=NOPE");
        assertThat(browser.fieldError("minPrice")).isEqualTo("Tulis harga dengan angka saja, misalnya 500000");
        assertThat(browser.fieldError("category")).isEqualTo("Pilih kategori dari daftar");
        assertThat(browser.find("#minPrice").getDomProperty("value")).isEqualTo("murah");
        browser.submit("ul.trainings h2 a");
        assertThat(browser.path()).startsWith("/trainings/");
        assertThat(browser.text("main")).contains("Lembaga pelatihan", "Bisa dibeli di", "Ulasan peserta");
        browser.open("/trainings/no-such-training");
        assertThat(browser.text("h1")).isEqualTo("Halaman tidak ditemukan");
    }

    @Test
    @DisplayName("R-63 an unknown certificate number is said so; the landing page's form leads to the check")
    void certificateCheck() {
        browser.open("/");
        browser.type("number", "CERT-TIDAK-ADA").submit("main form[action='/certificates'] button");
        assertThat(browser.path()).isEqualTo("/certificates?number=CERT-TIDAK-ADA");
        assertThat(browser.text("[role=alert]")).contains("Tidak ada sertifikat Kartu Prakerja dengan nomor CERT-TIDAK-ADA");
        browser.checkPage("certificate-not-found", true);
    }

    @Test
    @DisplayName("the pages in English with ?lang=en: register, the catalog, the dashboard, vouchers and account")
    void english() {
        browser.open("/register?lang=en");
        assertThat(browser.text("h1")).isEqualTo("Register for Kartu Prakerja");
        assertThat(browser.text("main")).contains("Family card (KK) number", "I am in school or at university");
        browser.submit("main form button[type=submit]");
        assertThat(browser.fieldError("nik")).isEqualTo("The NIK must be the 16 digits on your ID card");
        browser.checkPage("register-en", true);
        browser.open("/trainings");
        assertThat(browser.text("h1")).isEqualTo("Training catalogue");
        assertThat(browser.text("ul.trainings .rating")).contains("review");

        var who = aParticipant();
        journey.readyToApply(who);
        login(browser, who);
        assertThat(browser.text("h1")).isEqualTo("Hello, Budi Santoso");
        assertThat(browser.text("#timeline-heading")).isEqualTo("Your journey");
        browser.checkPage("dashboard-en", true);
        browser.open("/vouchers");
        assertThat(browser.text("h1")).isEqualTo("My vouchers");
        browser.open("/account");
        assertThat(browser.text("main")).contains("Change password", "Current password");
        browser.open("/basic-test");
        assertThat(browser.text("main")).contains("You have passed the basic ability test");
        browser.open("/?lang=id");
    }
}
