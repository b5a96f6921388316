package org.prakerja.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The message bundles: every text in both languages, with the same arguments, and no number of days or minutes written in. */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

    static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    @DisplayName("every Indonesian text has an English one and the other way round")
    void sameKeys() throws IOException {
        assertThat(bundle("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
    }

    @Test
    @DisplayName("the Indonesian texts are the one default bundle, so a look-up in any language finds a text")
    void fallbackIsIndonesian() {
        assertThat(MessageBundlesTest.class.getResource("/messages_id.properties")).isNull();
        var messages = new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        for (var language : new Locale[] {Locale.forLanguageTag("id"), Locale.FRENCH, Locale.ROOT}) {
            assertThat(messages.getMessage("dashboard.status", null, language)).as(language.toString()).isEqualTo("Status kamu");
            assertThat(messages.getMessage("home.logged-out", null, language)).as(language.toString())
                    .startsWith("Kamu sudah keluar");
        }
    }

    @Test
    @DisplayName("the texts for participants say kamu, as the program writes; only the console's staff read Anda")
    void kamuThroughout() throws IOException {
        var id = bundle("messages.properties");
        for (String key : id.stringPropertyNames()) {
            if (!key.startsWith("ops.")) {
                assertThat(id.getProperty(key)).as(key).doesNotContainPattern("\\bAnda\\b");
            }
        }
    }

    @Test
    @DisplayName("a text takes the same arguments in both languages, and each is a valid MessageFormat pattern")
    void samePlaceholders() throws IOException {
        var id = bundle("messages.properties");
        var en = bundle("messages_en.properties");
        for (String key : id.stringPropertyNames()) {
            assertThat(placeholders(en.getProperty(key))).as(key).isEqualTo(placeholders(id.getProperty(key)));
            new MessageFormat(id.getProperty(key), Locale.forLanguageTag("id"));
            new MessageFormat(en.getProperty(key), Locale.ENGLISH);
        }
    }

    @Test
    @DisplayName("no text quotes with an apostrophe, which MessageFormat would swallow")
    void noApostrophes() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            var texts = bundle(name);
            for (String key : texts.stringPropertyNames()) {
                assertThat(texts.getProperty(key)).as(name + " " + key).doesNotContain("'");
            }
        }
    }

    @Test
    @DisplayName("a number of days or minutes is an argument from the settings, never written in a text")
    void noLiteralDurations() throws IOException {
        var literal = Pattern.compile("\\d+\\s*(hari|menit|day|min)", Pattern.CASE_INSENSITIVE);
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            var texts = bundle(name);
            for (String key : texts.stringPropertyNames()) {
                assertThat(literal.matcher(texts.getProperty(key)).find()).as(name + " " + key).isFalse();
            }
        }
    }

    @Test
    @DisplayName("every email has a subject and a body, and every in-app kind a text")
    void emailsComeInPairs() throws IOException {
        var id = bundle("messages.properties").stringPropertyNames();
        for (String key : id) {
            if (key.startsWith("email.") && key.endsWith(".subject")) {
                assertThat(id).contains(key.replace(".subject", ".body"));
            }
            if (key.startsWith("email.") && key.endsWith(".body")) {
                assertThat(id).contains(key.replace(".body", ".subject"));
            }
        }
        assertThat(id).contains("notice.WAVE_JOINED", "notice.SELECTED", "notice.NOT_SELECTED",
                "notice.DEADLINE_REMINDER", "notice.CARD_DEACTIVATED", "notice.VOUCHER_PURCHASED",
                "notice.VOUCHER_REFUNDED", "notice.VOUCHER_REDEEMED", "notice.TRAINING_COMPLETED",
                "notice.COMPLAINT_FILED", "notice.COMPLAINT_IN_PROGRESS", "notice.COMPLAINT_RESOLVED",
                "notice.COMPLAINT_REJECTED");
    }

    private static Set<String> placeholders(String text) {
        var found = new TreeSet<String>();
        var m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
