package org.prakerja.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Browser;
import org.prakerja.support.Journey;
import org.prakerja.support.ParticipantBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The complaint pages in a real browser (R-80, R-84, R-85): filing with attachments in one
 * multipart form (its CSRF token read from the multipart body), refusals beside the file input,
 * following a ticket as the public with ?email=, an operator's answer in the console that the
 * filer reads and replies to, and an auditor who reads the queue and the trail but cannot answer.
 */
@IntegrationTest
class ComplaintPagesTest {

    static Browser browser;

    @TempDir
    static Path files;

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient db;

    Api api;

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
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    @DisplayName("R-80 a participant files a complaint with a PNG attachment in the form and sees the ticket, then finds it in their list")
    void aParticipantFilesWithAnAttachment() throws IOException {
        var who = aParticipant();
        new Journey(api, relay).register(who);
        logIn(who.email(), who.password());

        browser.open("/complaints/new");
        assertThat(browser.text("h1")).isEqualTo("Buat pengaduan");
        assertThat(browser.all("#contactEmail")).as("a participant is reached through the account").isEmpty();
        assertThat(browser.overflowAt360()).isZero();
        browser.checkPage("complaint-new", true);

        fill("VOUCHER", "Kode voucher tidak diterima", "Saya membeli pelatihan tanggal 3 Maret tetapi kode voucher tidak masuk.");
        browser.type("reference", "PK-ABCDE-12345");
        browser.find("#attachments-1").sendKeys(write("bukti.png", realPng()).toString());
        browser.submit("main form button[type=submit]");

        assertThat(browser.path()).matches("/complaints/PGD(-[0-9A-Z]{5}){3}");
        String ticket = browser.text("#filed-ticket");
        assertThat(browser.path()).isEqualTo("/complaints/" + ticket);
        assertThat(browser.text("#status")).isEqualTo("Baru");
        assertThat(browser.text("#attachments")).contains("Lampiran 1 (PNG");
        assertThat(browser.pageText()).contains("Kode voucher tidak diterima", "PK-ABCDE-12345", "menu Pengaduan");
        assertThat(db.sql("SELECT count(*) FROM complaint_attachment a JOIN complaint c ON c.id = a.complaint_id WHERE c.ticket = ?")
                .param(ticket).query(Long.class).single()).isEqualTo(1);
        assertThat(browser.overflowAt360()).isZero();
        // photographed before it is weighed: weighing reloads the page, and the filed panel shows once
        browser.assertAccessible().screenshot("complaint-filed").assertLight();

        browser.open("/complaints");
        assertThat(browser.text("table")).contains(ticket, "Kode voucher tidak diterima", "Baru");
        browser.checkPage("complaint-list", true);
    }

    @Test
    @DisplayName("R-80 a text file named .jpg is refused by its content beside its input, with what was typed kept and nothing filed")
    void aTextFileNamedJpgIsRefused() throws IOException {
        String email = ComplaintFiling.newEmail();
        browser.open("/complaints/new");
        fill("CARD", "Kartu tidak aktif", "Kartu saya tidak bisa dipakai membeli pelatihan.");
        browser.type("contactEmail", email);
        browser.find("#attachments-2").sendKeys(write("foto.jpg", Files.text()).toString());
        browser.submit("main form button[type=submit]");

        assertThat(browser.path()).isEqualTo("/complaints/new");
        assertThat(browser.text("#error-summary")).contains("Berkas 2 bukan JPEG, PNG atau PDF");
        assertThat(browser.fieldError("attachments-2")).contains("bukan JPEG, PNG atau PDF");
        assertThat(browser.find("#title").getAttribute("value")).isEqualTo("Kartu tidak aktif");
        assertThat(browser.find("#contactEmail").getAttribute("value")).isEqualTo(email);
        assertThat(db.sql("SELECT count(*) FROM complaint WHERE contact_email = ?").param(email).query(Long.class).single())
                .as("one refused file files nothing").isZero();
        browser.checkPage("complaint-attachment-refused", false);

        // a form without the required fields says each
        browser.open("/complaints/new");
        browser.submit("main form button[type=submit]");
        assertThat(browser.fieldError("category")).as(browser.path() + browser.pageText()).isNotBlank();
        assertThat(browser.fieldError("title")).isNotBlank();
        assertThat(browser.fieldError("description")).isNotBlank();
        assertThat(browser.fieldError("contactEmail")).contains("email");
        browser.checkPage("complaint-new-errors", false);
    }

    @Test
    @DisplayName("R-80 a file over 2 MB is refused beside its input, whatever the multipart limits let through")
    void aFileOver2MbIsRefused() throws IOException {
        String email = ComplaintFiling.newEmail();
        browser.open("/complaints/new");
        fill("TRAINING", "Video pelatihan tidak bisa diputar", "Video berhenti di menit kelima setiap kali.");
        browser.type("contactEmail", email);
        browser.find("#attachments-1").sendKeys(write("rekaman.png", Files.withHead(Files.png(), 2 * 1024 * 1024 + 1)).toString());
        browser.submit("main form button[type=submit]");

        assertThat(browser.fieldError("attachments-1")).as(browser.pageText()).contains("lebih besar dari 2 MB");
        assertThat(db.sql("SELECT count(*) FROM complaint WHERE contact_email = ?").param(email).query(Long.class).single()).isZero();

        // past the multipart limits the form cannot be read (nor its CSRF token): the 413 page
        browser.open("/complaints/new");
        fill("TRAINING", "Video pelatihan tidak bisa diputar", "Video berhenti di menit kelima setiap kali.");
        browser.type("contactEmail", email);
        browser.find("#attachments-1").sendKeys(write("rekaman.pdf", Files.withHead(Files.pdf(), 11 * 1024 * 1024)).toString());
        browser.submit("main form button[type=submit]");
        assertThat(browser.text("h1")).isEqualTo("Berkas terlalu besar");
    }

    @Test
    @DisplayName("R-80 the public files with a contact email and follows the ticket with ?email=; a wrong email gets the unknown ticket's page")
    void thePublicFollowsWithTheirEmail() throws IOException {
        String email = ComplaintFiling.newEmail();
        browser.open("/complaints/new");
        fill("OTHER", "Tidak bisa mendaftar", "Formulir pendaftaran selalu gagal di langkah terakhir.");
        browser.type("contactEmail", email);
        browser.find("#attachments-1").sendKeys(write("surat.pdf", Files.pdf()).toString());
        browser.submit("main form button[type=submit]");

        String ticket = browser.text("#filed-ticket");
        String follow = browser.find("#follow-link").getAttribute("href");
        assertThat(follow).endsWith("/complaints/" + ticket + "?email=" + email.replace("@", "%40"));
        assertThat(browser.text("#attachments")).contains("PDF");

        browser.driver().manage().deleteAllCookies();
        browser.driver().get(follow);
        assertThat(browser.text("#ticket")).isEqualTo(ticket);
        assertThat(browser.all("#filed-ticket")).as("the filed panel shows once").isEmpty();
        browser.checkPage("complaint-public", true);

        browser.open("/complaints/" + ticket + "?email=someone.else%40example.id");
        assertThat(browser.text("h1")).isEqualTo("Halaman tidak ditemukan");
        String stranger = browser.pageText();
        browser.open("/complaints/PGD-00000-00000-00000?email=" + email);
        assertThat(browser.pageText()).as("a stranger learns nothing a wrong ticket does not tell").isEqualTo(stranger);
        browser.open("/complaints/" + ticket);
        assertThat(browser.text("h1")).isEqualTo("Halaman tidak ditemukan");
    }

    @Test
    @DisplayName("R-80, R-84 an operator resolves a complaint in the console with a response; the participant reads it and replies, which reopens it; the trail records the answer")
    void anOperatorAnswersAndTheParticipantReplies() throws IOException {
        var who = aParticipant();
        new Journey(api, relay).register(who);
        String ticket = fileAs(who, "Saldo tidak sesuai");

        browser.driver().manage().deleteAllCookies();
        var operator = demoLogin("OPERATOR");
        logIn(operator.get("email"), operator.get("password"));
        browser.open("/ops/complaints?status=OPEN&category=INCENTIVE");
        assertThat(browser.text("#queue")).contains(ticket, "Saldo tidak sesuai");
        browser.checkPage("ops-complaints", true);

        browser.submit("a[href='/ops/complaints/" + ticket + "']");
        assertThat(browser.text("h1")).isEqualTo("Saldo tidak sesuai");
        assertThat(browser.text("#attachments")).contains("JPEG");
        String download = browser.find("#attachments a").getAttribute("href");
        assertThat(download).contains("/ops/complaints/" + ticket + "/attachments/");
        browser.checkPage("ops-complaint", true);

        // R-80: resolving needs a response
        browser.select("status", "RESOLVED");
        browser.submit("#answer button[type=submit]");
        assertThat(browser.fieldError("response")).as(browser.pageText()).contains("wajib");
        assertThat(browser.text("#status")).isEqualTo("Baru");
        browser.checkPage("ops-complaint-refused", false);

        browser.select("status", "RESOLVED").type("response", "Saldo sudah kami koreksi. Silakan periksa dasbor kamu.");
        browser.submit("#answer button[type=submit]");
        assertThat(browser.path()).isEqualTo("/ops/complaints/" + ticket);
        assertThat(browser.text("[role=status]")).contains("Selesai");
        assertThat(browser.text("#status")).isEqualTo("Selesai");
        assertThat(browser.text("#conversation")).contains("Saldo sudah kami koreksi");
        assertThat(browser.all("#answer")).as("nothing moves a resolved complaint but its filer").isEmpty();
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE action = 'COMPLAINT_ANSWERED' AND target = ? AND actor = ?")
                .params("complaint:" + ticket, operator.get("email")).query(Long.class).single()).isEqualTo(1);

        browser.driver().manage().deleteAllCookies();
        logIn(who.email(), who.password());
        browser.open("/complaints/" + ticket);
        assertThat(browser.text("#status")).isEqualTo("Selesai");
        assertThat(browser.text("#conversation")).contains("Petugas Prakerja", "Saldo sudah kami koreksi");
        assertThat(browser.pageText()).contains("dibuka kembali");
        browser.checkPage("complaint-answered", true);

        browser.type("text", "Saldo masih belum berubah hari ini.");
        browser.submit("#reply-heading ~ form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/complaints/" + ticket);
        assertThat(browser.text("[role=status]")).contains("Balasan kamu terkirim");
        assertThat(browser.text("#status")).isEqualTo("Baru");
        assertThat(browser.text("#conversation")).contains("Saldo masih belum berubah");
    }

    @Test
    @DisplayName("R-84, R-85 an auditor reads the queue (overdue first, marked), the complaint without an answer form, and the trail with the operator's answer; a forged answer with a valid CSRF token is refused 403")
    void anAuditorReadsButCannotAnswer() throws IOException {
        var who = aParticipant();
        new Journey(api, relay).register(who);
        String answered = fileAs(who, "Sertifikat belum terbit");
        var operatorToken = api.login(demoLogin("OPERATOR").get("email"), demoLogin("OPERATOR").get("password"));
        assertThat(api.patch("/api/v1/ops/complaints/" + answered, Map.of("status", "IN_PROGRESS",
                "response", "Sedang kami periksa bersama lembaga pelatihan."), operatorToken).status()).isEqualTo(200);
        // R-85: another complaint left unanswered for more than 3 days
        String waiting = ComplaintFiling.filePublicly(api, ComplaintFiling.newEmail());
        api.post("/sandbox/clock", Map.of("advance", "P3DT1H"));

        browser.driver().manage().deleteAllCookies();
        var auditor = demoLogin("AUDITOR");
        logIn(auditor.get("email"), auditor.get("password"));
        browser.open("/ops/complaints?overdue=true");
        assertThat(browser.text("#queue tbody tr:first-child")).contains("Terlambat");
        assertThat(browser.text("#queue")).contains(waiting).doesNotContain(answered);
        browser.checkPage("ops-complaints-overdue", true);
        browser.open("/ops/complaints");
        var overdue = browser.all("#queue tbody tr").stream().map(r -> "overdue".equals(r.getDomAttribute("class"))).toList();
        assertThat(overdue).contains(true);
        assertThat(overdue.indexOf(false) < 0 || overdue.lastIndexOf(true) < overdue.indexOf(false))
                .as("overdue complaints come first: " + overdue).isTrue();

        browser.open("/ops/complaints/" + answered);
        assertThat(browser.all("#answer")).isEmpty();
        assertThat(browser.text("#read-only")).contains("auditor");
        assertThat(browser.text("#conversation")).contains("Sedang kami periksa");
        browser.checkPage("ops-complaint-auditor", false);

        String csrf = browser.find("header form input[name=_csrf]").getAttribute("value");
        Object status = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'text/html'},
                    body: new URLSearchParams({_csrf: arguments[1], status: 'RESOLVED', response: 'forged'})})
                  .then(r => done(r.status)).catch(e => done(String(e)));
                """, "/ops/complaints/" + answered, csrf);
        assertThat(status).isEqualTo(403L);
        assertThat(api.get("/api/v1/ops/complaints/" + answered, operatorToken).body().get("status").asString())
                .isEqualTo("IN_PROGRESS");

        browser.open("/ops/audit?action=COMPLAINT_ANSWERED&actor=" + demoLogin("OPERATOR").get("email"));
        assertThat(browser.text("#trail")).contains("complaint:" + answered, "COMPLAINT_ANSWERED", "OPEN -> IN_PROGRESS");
        assertThat(browser.overflowAt360()).isZero();
        browser.checkPage("ops-audit", true);
        browser.open("/ops/audit?from=2020-02-30");
        assertThat(browser.fieldError("from")).isNotBlank();
    }

    @Test
    @DisplayName("R-84 the audit page is for auditors and admins, as its API: an operator gets the 403 page")
    void anOperatorDoesNotReadTheTrail() {
        var operator = demoLogin("OPERATOR");
        logIn(operator.get("email"), operator.get("password"));
        browser.open("/ops/audit");
        assertThat(browser.text("h1")).isEqualTo("Akses ditolak");
    }

    // --- helpers

    private void logIn(String email, String password) {
        browser.open("/login").type("email", email).type("password", password);
        browser.submit("main button[type=submit]");
        assertThat(browser.path()).isNotEqualTo("/login");
    }



    private void fill(String category, String title, String description) {
        browser.select("category", category).type("title", title).type("description", description);
    }

    /** Files through the form as this participant, with a JPEG; the ticket. */
    private String fileAs(ParticipantBuilder who, String title) throws IOException {
        browser.driver().manage().deleteAllCookies();
        logIn(who.email(), who.password());
        browser.open("/complaints/new");
        fill("INCENTIVE", title, "Sudah lebih dari sebulan dan belum ada kabar.");
        browser.find("#attachments-3").sendKeys(write("foto-" + System.nanoTime() + ".jpg", Files.jpeg()).toString());
        browser.submit("main form button[type=submit]");
        return browser.text("#filed-ticket");
    }

    private Map<String, String> demoLogin(String role) {
        for (var login : api.get("/sandbox/operators").body()) {
            if (login.get("role").asString().equals(role)) {
                return Map.of("email", login.get("email").asString(), "password", login.get("password").asString());
            }
        }
        throw new AssertionError("no demo login with role " + role);
    }

    /** A real 24x24 PNG image, as a phone's screenshot would be, only smaller. */
    private static byte[] realPng() throws IOException {
        var image = new java.awt.image.BufferedImage(24, 24, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x0B4F9C);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Path write(String name, byte[] content) throws IOException {
        return java.nio.file.Files.write(files.resolve(name), content).toAbsolutePath();
    }
}
