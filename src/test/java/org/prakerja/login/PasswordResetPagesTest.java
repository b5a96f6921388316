package org.prakerja.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.net.URI;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Browser;
import org.prakerja.support.Journey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * R-82 the password reset pages in a real browser: the same answer for any email, the emailed link
 * read off the sandbox inbox page and followed, the password policy's reasons in the reader's
 * language, the old password dead and the new one working, and a used link explained.
 */
@IntegrationTest
class PasswordResetPagesTest {

    static Browser browser;
    private static final Pattern LINK = Pattern.compile("https?://\\S+/reset-password\\?token=[A-Za-z0-9_-]+");

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;

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
    @DisplayName("R-82 asking for a link answers the same page for a registered and an unknown email")
    void theAnswerNeverTellsWhetherTheEmailIsRegistered() {
        var who = aParticipant();
        new Journey(api, relay).register(who);

        browser.open("/login");
        browser.submit("a[href='/forgot-password']");
        assertThat(browser.text("h1")).isEqualTo("Lupa kata sandi");
        assertThat(browser.overflowAt360()).isZero();
        browser.checkPage("forgot-password", true);

        browser.type("email", who.email());
        browser.submit("main form button[type=submit]");
        String registered = browser.find("main").getText();
        assertThat(browser.path()).isEqualTo("/forgot-password?sent");
        assertThat(registered).contains("Periksa email kamu", "30 menit");
        browser.checkPage("forgot-password-sent", true);

        browser.open("/forgot-password").type("email", "nobody-" + System.nanoTime() + "@example.id");
        browser.submit("main form button[type=submit]");
        assertThat(browser.find("main").getText()).isEqualTo(registered);

        browser.open("/forgot-password").type("email", "not-an-email");
        browser.submit("main form button[type=submit]");
        assertThat(browser.fieldError("email")).contains("alamat email");
        browser.checkPage("forgot-password-invalid", false);
    }

    @Test
    @DisplayName("R-82 the emailed link, followed from the inbox page, sets a new password: a weak one is refused with the reason, the old password then fails, the new one logs in, and the used link is explained")
    void resetThroughTheEmailedLink() {
        var who = aParticipant();
        new Journey(api, relay).register(who);
        browser.open("/forgot-password").type("email", who.email());
        browser.submit("main form button[type=submit]");
        relay.relayAll();

        String link = linkFromTheInboxPage(who.email());
        String path = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();
        browser.open(path);
        assertThat(browser.text("h1")).isEqualTo("Buat kata sandi baru");
        browser.checkPage("reset-password", true);
        // the language switch keeps the link's token, and back
        browser.submit("a[hreflang=en]");
        assertThat(browser.text("h1")).isNotEqualTo("Buat kata sandi baru");
        assertThat(browser.path()).startsWith(path + "&lang=en");
        browser.submit("a[hreflang=id]");
        assertThat(browser.text("h1")).isEqualTo("Buat kata sandi baru");
        assertThat(browser.path()).isEqualTo(path + "&lang=id");

        // the policy's reason, in Indonesian; the link still works after it
        browser.type("password", "password").type("passwordConfirmation", "password");
        browser.submit("main form button[type=submit]");
        assertThat(browser.text("#error-summary")).contains("Kata sandi ini termasuk yang paling sering dipakai");
        assertThat(browser.fieldError("password")).contains("paling sering dipakai");
        assertThat(browser.find("#password").getAttribute("value")).isEmpty();
        browser.checkPage("reset-password-weak", false);

        browser.type("password", "kopi-tubruk-pagi-77").type("passwordConfirmation", "kopi-tubruk-pagi-78");
        browser.submit("main form button[type=submit]");
        assertThat(browser.fieldError("passwordConfirmation")).contains("tidak sama");

        browser.type("password", "kopi-tubruk-pagi-77").type("passwordConfirmation", "kopi-tubruk-pagi-77");
        browser.submit("main form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.text("[role=status]")).contains("Kata sandi berhasil diganti");
        browser.checkPage("login-after-reset", true);

        browser.type("email", who.email()).type("password", who.password());
        browser.submit("main button[type=submit]");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text("#error-summary")).contains("Email atau kata sandi salah");

        browser.type("email", who.email()).type("password", "kopi-tubruk-pagi-77");
        browser.submit("main button[type=submit]");
        assertThat(browser.path()).isEqualTo("/dashboard");

        browser.driver().manage().deleteAllCookies();
        browser.open(path);
        assertThat(browser.text("h1")).isEqualTo("Tautan tidak berlaku");
        assertThat(browser.find("main a[href='/forgot-password']").getText()).isEqualTo("Minta tautan baru");
        browser.checkPage("reset-password-invalid", true);
    }

    /** As a person would: the inbox page shows the mailbox, and the newest email holds the link. */
    private String linkFromTheInboxPage(String email) {
        browser.open("/sandbox/inbox").type("to", email);
        browser.submit("main form button[type=submit]");
        var found = LINK.matcher(browser.text(".mail .body"));
        assertThat(found.find()).as(browser.pageText()).isTrue();
        return found.group();
    }


}
