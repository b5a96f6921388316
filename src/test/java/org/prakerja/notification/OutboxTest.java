package org.prakerja.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.Api;
import org.prakerja.support.Journey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** R-91 the outbox: messages by participant id, the address found at send time, codes blanked once sent. */
@IntegrationTest
class OutboxTest {

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    Notifications notifications;
    @Autowired
    Inbox inbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient db;

    private record Row(boolean sent, int attempts, String lastError, String body) {
    }

    private Row row(UUID participantId) {
        return db.sql("SELECT sent_at IS NOT NULL, attempts, last_error, body FROM outbox WHERE participant_id = ? ORDER BY id DESC LIMIT 1")
                .param(participantId)
                .query((rs, i) -> new Row(rs.getBoolean(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .single();
    }

    @Test
    @DisplayName("R-90 an SMS goes to the participant's phone, found when it is sent; a code is blanked in the outbox once sent")
    void sensitiveSms() {
        var who = aParticipant();
        UUID id = new Journey(new Api(port), relay).register(who);
        relay.relayAll();
        tx.executeWithoutResult(s -> notifications.send(Message.sms(id, "sms.otp", "024680", "Menjahit", 5).asSensitive()));
        relay.relayAll();
        assertThat(inbox.to(who.phone()).getFirst().body()).isEqualTo("Prakerja: kode OTP 024680 untuk membeli \"Menjahit\". "
                + "Berlaku 5 menit. JANGAN berikan kode ini kepada siapa pun selain di platform tempat kamu membeli.");
        assertThat(row(id).sent()).isTrue();
        assertThat(row(id).body()).isNull();
    }

    @Test
    @DisplayName("R-91 a message the gateway accepted is marked sent at once: a database failure later in the same batch does not undo it, so it is not sent again")
    void markedOneByOne() {
        String first = "+6287" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        String second = "+6288" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
        relay.relayAll();
        db.sql("INSERT INTO outbox (channel, recipient, body, created_at) VALUES ('SMS', ?, 'pertama', now())").param(first).update();
        db.sql("INSERT INTO outbox (channel, recipient, body, created_at) VALUES ('SMS', ?, 'kedua', now())").param(second).update();
        // the database refuses to mark the second one, as a database going down would
        String trigger = "refuse_mark_" + Math.abs(second.hashCode());
        db.sql("""
                CREATE OR REPLACE FUNCTION test_refuse_mark() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'database gone for the test'; END $$
                """).update();
        db.sql("CREATE TRIGGER " + trigger + " BEFORE UPDATE OF sent_at ON outbox FOR EACH ROW WHEN (NEW.recipient = '"
                + second + "' AND NEW.sent_at IS NOT NULL) EXECUTE FUNCTION test_refuse_mark()").update();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(relay::relayAll).hasStackTraceContaining("database gone");
        } finally {
            db.sql("DROP TRIGGER " + trigger + " ON outbox").update();
        }
        assertThat(db.sql("SELECT sent_at IS NOT NULL FROM outbox WHERE recipient = ?").param(first).query(Boolean.class)
                .single()).as("the first one stays marked sent").isTrue();
        assertThat(db.sql("SELECT sent_at IS NULL AND claimed_until > now() FROM outbox WHERE recipient = ?").param(second)
                .query(Boolean.class).single()).as("the second one waits for its claim to lapse").isTrue();
        assertThat(inbox.to(first)).hasSize(1);
    }

    @Test
    @DisplayName("R-90 a message that is not a secret keeps its body in the outbox")
    void plainSms() {
        var who = aParticipant();
        UUID id = new Journey(new Api(port), relay).register(who);
        tx.executeWithoutResult(s -> notifications.send(Message.sms(id, "sms.deadline-reminder", 3, "2026-12-31")));
        relay.relayAll();
        assertThat(row(id).sent()).isTrue();
        assertThat(row(id).body()).contains("3 hari lagi").contains("2026-12-31");
    }

    @Test
    @DisplayName("a message to a participant with no address is not sent and says why")
    void noAddress() {
        UUID nobody = UUID.randomUUID();
        tx.executeWithoutResult(s -> notifications.send(Message.sms(nobody, "sms.deadline-reminder", 3, "2026-12-31")));
        relay.relayAll();
        var row = row(nobody);
        assertThat(row.sent()).isFalse();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isEqualTo("NO_ADDRESS");
    }
}
