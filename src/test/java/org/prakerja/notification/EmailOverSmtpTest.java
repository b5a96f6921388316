package org.prakerja.notification;

import org.prakerja.support.Ports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.common.AdjustableClock;
import org.prakerja.support.Api;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.support.ParticipantBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Email over real SMTP (a GreenMail server started here), and texts that name the configured
 * numbers of days and minutes. Its own context, with its own settings and embedded PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "prakerja.program.reminder-days-before=10",
        "prakerja.program.verification-code-lifetime=PT20M",
        "prakerja.notification.retry-delay=PT1M",
        // seen when common/OutsideSystems chooses the adapters, before dynamic properties exist
        "spring.mail.host=127.0.0.1"})
@ActiveProfiles({"sandbox", "test"})
class EmailOverSmtpTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final int PORT = Ports.free();
    private static GreenMail smtp;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @BeforeAll
    static void startServer() {
        smtp = acceptingServer();
    }

    @AfterAll
    static void stopServer() {
        smtp.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    AdjustableClock clock;
    @Autowired
    JdbcClient db;

    Api api;
    Journey journey;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        journey = new Journey(api, relay);
    }

    @Test
    @DisplayName("R-12 the verification email arrives over SMTP once, with a text and an HTML part, naming the configured lifetime")
    void verificationEmail() throws Exception {
        var who = aParticipant();
        UUID id = journey.register(who);
        relay.relayAll();
        relay.relayAll();

        var mails = mailTo(who.email());
        assertThat(mails).hasSize(1);
        var mail = mails.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Kode verifikasi Prakerja");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        var parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("Berlaku 20 menit");
        assertThat(html).contains("<html lang=\"id\"").contains("Berlaku 20 menit");
        var code = CODE.matcher(text);
        assertThat(code.find()).isTrue();
        assertThat(html).contains(code.group(1));

        var verified = journey.verify(id, "EMAIL", code.group(1));
        assertThat(verified.status()).as(verified.raw()).isEqualTo(200);
        assertThat(emailRow(id).sent()).isTrue();
        assertThat(emailRow(id).body()).as("a code is blanked once sent").isNull();
    }

    @Test
    @DisplayName("R-91 while the mail server is down the email stays in the outbox, waits longer after each try, and is sent once when the server is back")
    void serverDown() throws Exception {
        var who = aParticipant();
        UUID id;
        smtp.stop();
        try {
            id = journey.register(who);
            relay.relayAll();
            var first = emailRow(id);
            assertThat(first.sent()).isFalse();
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.lastError()).isNotBlank();
            assertThat(Duration.between(clock.instant(), first.nextAttemptAt())).isBetween(Duration.ofSeconds(50),
                    Duration.ofMinutes(1));

            relay.relayAll();
            assertThat(emailRow(id).attempts()).as("not due yet").isEqualTo(1);

            clock.advance(Duration.ofSeconds(61));
            relay.relayAll();
            var second = emailRow(id);
            assertThat(second.attempts()).isEqualTo(2);
            assertThat(Duration.between(clock.instant(), second.nextAttemptAt())).as("twice the first wait")
                    .isBetween(Duration.ofSeconds(110), Duration.ofMinutes(2));
        } finally {
            smtp = acceptingServer();
        }
        relay.relayAll();
        assertThat(mailTo(who.email())).as("back, but the message is not due").isEmpty();

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        relay.relayAll();
        relay.relayAll();
        assertThat(mailTo(who.email())).hasSize(1);
        assertThat(emailRow(id).sent()).isTrue();
        assertThat(emailRow(id).attempts()).isEqualTo(3);
    }

    @Test
    @DisplayName("R-31 R-25 the announcement and the revocation name the days of the wave's scheme, the reminder the configured days")
    void configuredDays() throws Exception {
        var who = aParticipant();
        var reader = readyToApply(who);
        var ops = new Operator(api);
        // a scheme of 45 days to buy the first training
        String scheme = "HARI_45_" + Long.toString(System.nanoTime() % 1_000_000_000L);
        var created = api.post("/api/v1/ops/schemes", Map.of("name", scheme, "trainingBalance", 1_000_000,
                "incentiveAmount", 600_000, "incentiveCount", 4, "incentiveIntervalDays", 30, "surveyAmount", 50_000,
                "surveyCount", 3, "firstPurchaseDays", 45, "minAge", 18), ops.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        int wave = ops.openWave(5, scheme);
        assertThat(api.post("/api/v1/waves/" + wave + "/applications", "", reader.token()).status()).isEqualTo(201);
        ops.close(wave);
        ops.select(wave);
        ops.announce(wave);
        relay.relayAll();
        assertThat(latestSms(who)).contains("Gelombang " + wave).contains("dalam 45 hari");

        api.post("/sandbox/clock", Map.of("advance", "P36D"));
        ops.runJob("deadline-reminders");
        relay.relayAll();
        assertThat(latestSms(who)).contains("10 hari lagi");
        assertThat(latestNotice(reader, "id")).isEqualTo("Segera beli pelatihan pertama kamu: batas waktu tinggal 10 hari.");
        assertThat(latestNotice(reader, "en")).isEqualTo("Buy your first training soon: 10 day(s) left before the deadline.");

        api.post("/sandbox/clock", Map.of("advance", "P10D"));
        ops.runJob("deadline-enforcement");
        assertThat(latestNotice(reader, "id")).contains("dalam 45 hari sejak penetapan");
        assertThat(latestNotice(reader, "en")).contains("within 45 day(s) of designation");
    }

    /** Journey.readyToApply, with the email code from the SMTP server instead of the sandbox inbox. */
    private Journey.Registered readyToApply(ParticipantBuilder who) throws Exception {
        UUID id = journey.register(who);
        relay.relayAll();
        var code = CODE.matcher(((MimeMultipart) mailTo(who.email()).getFirst().getContent()).getBodyPart(0)
                .getContent().toString());
        assertThat(code.find()).isTrue();
        assertThat(journey.verify(id, "EMAIL", code.group(1)).status()).isEqualTo(200);
        assertThat(journey.verify(id, "SMS", journey.latestCode(who.phone())).status()).isEqualTo(200);
        String token = api.login(who.email(), who.password());
        var answers = api.get("/sandbox/basic-test/answers").body();
        assertThat(api.post("/api/v1/basic-test", answers, token).body().get("passed").asBoolean()).isTrue();
        return new Journey.Registered(id, token, who);
    }

    private String latestSms(ParticipantBuilder who) {
        return api.get("/sandbox/inbox?to=" + who.phone().replace("+", "%2B")).body().get(0).get("body").asString();
    }

    private String latestNotice(Journey.Registered reader, String language) {
        return api.get("/api/v1/me", reader.token(), language).body().get("notifications").get(0).get("text").asString();
    }

    private record Row(boolean sent, int attempts, String lastError, Instant nextAttemptAt, String body) {
    }

    private Row emailRow(UUID participantId) {
        return db.sql("""
                SELECT sent_at IS NOT NULL, attempts, last_error, next_attempt_at, body FROM outbox
                WHERE participant_id = ? AND channel = 'EMAIL'
                """)
                .param(participantId)
                .query((rs, i) -> new Row(rs.getBoolean(1), rs.getInt(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .single();
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static GreenMail acceptingServer() {
        var server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return server;
    }

}
