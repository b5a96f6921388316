package org.prakerja.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.Api;
import org.prakerja.support.Journey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** In-app notices are stored as kind and arguments and shown in the reader's language (GET /me). */
@IntegrationTest
class NoticeLanguageTest {

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient db;

    Api api;
    Journey.Registered reader;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        reader = new Journey(api, relay).readyToApply(aParticipant());
        tx.executeWithoutResult(s -> notifications.inApp(reader.id(), Notice.of("VOUCHER_REDEEMED", "PK-AAAAA-BBBBB")));
    }

    private JsonNode latest(Api.Response me) {
        assertThat(me.status()).as(me.raw()).isEqualTo(200);
        return me.body().get("notifications").get(0);
    }

    @Test
    @DisplayName("R-90 a notice is shown in Indonesian by default")
    void indonesianByDefault() {
        var notice = latest(api.get("/api/v1/me", reader.token()));
        assertThat(notice.get("kind").asString()).isEqualTo("VOUCHER_REDEEMED");
        assertThat(notice.get("text").asString()).isEqualTo("Kode voucher PK-AAAAA-BBBBB sudah ditukar. Selamat belajar!");
    }

    @Test
    @DisplayName("R-90 a notice is shown in English to a reader who asks for it (Accept-Language: en)")
    void englishOnRequest() {
        assertThat(latest(api.get("/api/v1/me", reader.token(), "en")).get("text").asString())
                .isEqualTo("Voucher code PK-AAAAA-BBBBB has been redeemed. Enjoy your training!");
        assertThat(latest(api.get("/api/v1/me", reader.token(), "en-US,en;q=0.9")).get("text").asString())
                .startsWith("Voucher code PK-AAAAA-BBBBB");
    }

    @Test
    @DisplayName("R-90 a language the program has no texts for gets the Indonesian ones")
    void otherLanguagesGetIndonesian() {
        assertThat(latest(api.get("/api/v1/me", reader.token(), "fr")).get("text").asString())
                .startsWith("Kode voucher PK-AAAAA-BBBBB");
    }

    @Test
    @DisplayName("a notice written before notices had arguments is shown with its stored text")
    void oldNoticesStayReadable() {
        db.sql("INSERT INTO in_app_notification (participant_id, kind, text, created_at) VALUES (?, ?, ?, ?)")
                .params(reader.id(), "WAVE_JOINED", "Anda telah bergabung di Gelombang 7. Tunggu pengumuman hasil seleksi.",
                        Timestamp.from(Instant.now()))
                .update();
        for (String language : new String[] {"id", "en"}) {
            assertThat(latest(api.get("/api/v1/me", reader.token(), language)).get("text").asString())
                    .isEqualTo("Anda telah bergabung di Gelombang 7. Tunggu pengumuman hasil seleksi.");
        }
    }
}
