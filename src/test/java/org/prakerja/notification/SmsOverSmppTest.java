package org.prakerja.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.common.AdjustableClock;
import org.prakerja.simulator.smsc.Smsc;
import org.prakerja.support.Api;
import org.prakerja.support.Journey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.Environment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SMS over SMPP 3.4 against a real SMSC (jSMPP's server side, {@link Smsc}) on a real TCP port,
 * through the outbox and the relay. Its own context: the SMPP settings make
 * {@code prakerja.adapters.sms=smpp}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "prakerja.sms.smpp.throttle-backoff=PT0.05S",
        "prakerja.sms.smpp.reconnect-min=PT0.1S",
        "prakerja.sms.smpp.reconnect-max=PT0.5S",
        "prakerja.sms.smpp.response-timeout=PT2S",
        "prakerja.sms.smpp.enquire-link=PT2S",
        "prakerja.notification.retry-delay=PT1M",
        // seen when the adapters are chosen, before the start; the SMSC's port follows (smpp below)
        "prakerja.sms.smpp.host=127.0.0.1", "prakerja.sms.smpp.port=1", "prakerja.sms.smpp.system-id=prakerja",
        "prakerja.sms.smpp.password=rahasia1"})
@ActiveProfiles({"sandbox", "test"})
class SmsOverSmppTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Smsc SMSC = start();

    private static Smsc start() {
        try {
            return new Smsc(0, "prakerja", "rahasia1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void smpp(DynamicPropertyRegistry registry) {
        registry.add("prakerja.sms.smpp.port", SMSC::port);
    }

    @AfterAll
    static void stop() throws IOException {
        SMSC.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient db;
    @Autowired
    AdjustableClock clock;
    @Autowired
    @Qualifier("smppHealthIndicator")
    HealthIndicator smppHealth;
    @Autowired
    Environment environment;

    @BeforeEach
    void fresh() {
        relay.relayAll();
        SMSC.reset();
    }

    @Test
    @DisplayName("Issue 19: the verification SMS goes over SMPP, sealed in the outbox until sent, its SMSC id stored, delivered by its receipt")
    void verificationSms() {
        var who = aParticipant();
        var journey = new Journey(new Api(port), relay);
        UUID id = journey.register(who);
        var before = db.sql("SELECT body, sealed_body FROM outbox WHERE participant_id = ? AND channel = 'SMS'").param(id)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2)}).single();
        assertThat(before[0]).as("no plain body in the outbox").isNull();
        assertThat((byte[]) before[1]).isNotEmpty();

        relay.relayAll();
        var arrived = SMSC.messages().stream().filter(m -> m.destination().equals(who.phone().substring(1))).toList();
        assertThat(arrived).hasSize(1);
        var code = CODE.matcher(arrived.getFirst().text());
        assertThat(code.find()).isTrue();
        assertThat(new String((byte[]) before[1], StandardCharsets.ISO_8859_1)).doesNotContain(code.group(1));
        assertThat(journey.verify(id, "SMS", code.group(1)).status()).isEqualTo(200);

        long outboxId = db.sql("SELECT id FROM outbox WHERE participant_id = ? AND channel = 'SMS'").param(id)
                .query(Long.class).single();
        assertThat(db.sql("SELECT smsc_message_id FROM sms_part WHERE outbox_id = ?").param(outboxId).query(String.class)
                .list()).containsExactlyElementsOf(arrived.getFirst().messageIds());
        assertThat(db.sql("SELECT body IS NULL AND sealed_body IS NULL FROM outbox WHERE id = ?").param(outboxId)
                .query(Boolean.class).single()).as("blanked once sent").isTrue();
        await(() -> "DELIVERED".equals(delivery(outboxId)), "delivered");
    }

    @Test
    @DisplayName("Issue 19: a 300-character Indonesian text goes as two GSM parts the SMSC joins into the exact text; a Unicode name goes as UCS-2")
    void longAndUnicode() {
        String longText = ("Selamat! Kamu lolos seleksi Kartu Prakerja. Segera beli pelatihan pertamamu di platform digital mitra "
                + "dan selesaikan sebelum batas waktu, supaya insentif pasca pelatihan dapat dicairkan ke rekening atau "
                + "dompet elektronik kamu. Info: {prakerja.go.id} ~ hubungi 1500-xxx jika ada pertanyaan, terima kasih!!")
                .substring(0, 300);
        String unicode = "Halo Siti Nurhaliza – ĀŚ 😀, pembayaran insentif kamu sudah kami kirim hari ini ke rekening kamu. Terima kasih 🙏";
        long a = outbox(phone(), longText);
        long b = outbox(phone(), unicode);
        relay.relayAll();

        var texts = SMSC.messages().stream().collect(Collectors.toMap(Smsc.Message::text, m -> m.messageIds().size()));
        assertThat(texts).containsEntry(longText, 2).containsEntry(unicode, 2);
        assertThat(SMSC.acknowledged()).hasSize(4);
        assertThat(parts(a)).hasSize(2);
        assertThat(parts(b)).hasSize(2);
        await(() -> "DELIVERED".equals(delivery(a)) && "DELIVERED".equals(delivery(b)), "both delivered");
    }

    @Test
    @DisplayName("Issue 19: ESME_RTHROTTLED and ESME_RMSGQFULL are answered with a pause and the same submit again: nothing lost, nothing twice")
    void throttled() {
        SMSC.refuse(n -> n % 3 == 0 ? SMPPConstant.STAT_ESME_RTHROTTLED : n % 5 == 0 ? SMPPConstant.STAT_ESME_RMSGQFUL : 0);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(outbox(phone(), "Pesan uji nomor " + i));
        }
        relay.relayAll();
        assertThat(SMSC.submits()).as("some were refused and sent again").isGreaterThan(20);
        assertOnceEach(ids);
        assertThat(db.sql("SELECT count(*) FROM outbox WHERE id = ANY(?) AND attempts = 1").param(ids.toArray(Long[]::new))
                .query(Long.class).single()).as("a pause is not a failed try").isEqualTo(20);
    }

    @Test
    @DisplayName("Issue 19: the SMSC drops the link mid-batch: the adapter binds again and every message is acknowledged exactly once")
    void linkDropped() {
        int bindsBefore = SMSC.binds();
        SMSC.dropLinkAt(7);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(outbox(phone(), "Pengumuman gelombang " + i));
        }
        relay.relayAll();
        for (int round = 0; round < 5 && unsent(ids) > 0; round++) {
            // what failed waits for its next try
            clock.advance(Duration.ofMinutes(5));
            relay.relayAll();
        }
        assertThat(unsent(ids)).isZero();
        assertThat(SMSC.binds()).as("bound again").isGreaterThan(bindsBefore);
        assertOnceEach(ids);
    }

    @Test
    @DisplayName("Issue 19: a receipt that overtakes the submit's answer is kept and applied when the id is stored; a later one as it comes")
    void receiptsBeforeAndAfter() {
        SMSC.receipts(Smsc.Receipts.BEFORE_ANSWER, Duration.ZERO, "DELIVRD");
        long early = outbox(phone(), "Kuitansi sebelum jawaban");
        relay.relayAll();
        SMSC.receipts(Smsc.Receipts.AFTER_ANSWER, Duration.ofMillis(200), "EXPIRED");
        long late = outbox(phone(), "Kuitansi sesudah jawaban");
        relay.relayAll();
        await(() -> "DELIVERED".equals(delivery(early)), "the early receipt applied");
        await(() -> "EXPIRED".equals(delivery(late)), "the late receipt applied");
        assertThat(db.sql("SELECT state FROM sms_part WHERE outbox_id = ?").param(early).query(String.class).single())
                .isEqualTo("DELIVERED");
    }

    @Test
    @DisplayName("Issue 19: the smpp health indicator is UP while bound, in the readiness group")
    void health() {
        var api = new Api(port);
        assertThat(smppHealth.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(environment.getProperty("management.endpoint.health.group.readiness.include")).contains("smpp");
        assertThat(environment.getProperty("management.endpoint.health.group.liveness.include", "")).doesNotContain("smpp");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        var metrics = api.get("/actuator/prometheus");
        assertThat(metrics.raw()).contains("prakerja_sms_submitted");
    }

    private void assertOnceEach(List<Long> ids) {
        Map<String, Long> count = SMSC.acknowledged().stream().collect(Collectors.groupingBy(Smsc.Part::text, Collectors.counting()));
        for (long id : ids) {
            String body = db.sql("SELECT body FROM outbox WHERE id = ?").param(id).query(String.class).single();
            assertThat(count.get(body)).as("acknowledged for outbox %s", id).isEqualTo(1L);
            assertThat(parts(id)).hasSize(1);
        }
    }

    private long unsent(List<Long> ids) {
        return db.sql("SELECT count(*) FROM outbox WHERE id = ANY(?) AND sent_at IS NULL").param(ids.toArray(Long[]::new))
                .query(Long.class).single();
    }

    private List<String> parts(long outboxId) {
        return db.sql("SELECT smsc_message_id FROM sms_part WHERE outbox_id = ? ORDER BY part").param(outboxId)
                .query(String.class).list();
    }

    private String delivery(long outboxId) {
        return db.sql("SELECT delivery FROM outbox WHERE id = ?").param(outboxId).query((rs, i) -> rs.getString(1)).list().getFirst();
    }

    private long outbox(String phone, String body) {
        return db.sql("INSERT INTO outbox (channel, recipient, body, created_at) VALUES ('SMS', ?, ?, now()) RETURNING id")
                .params(phone, body).query(Long.class).single();
    }

    private static String phone() {
        return "+628" + String.format("%010d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000_000L));
    }

    private static void await(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
