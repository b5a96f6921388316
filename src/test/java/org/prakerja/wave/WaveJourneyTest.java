package org.prakerja.wave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.card.CardNumber;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.support.ParticipantBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class WaveJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient db;

    Api api;
    Journey journey;
    Operator ops;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        journey = new Journey(api, relay);
        ops = new Operator(api);
    }

    @AfterEach
    void ledgerBalanced() {
        var r = ops.reconciliation();
        assertThat(r.get("balanced").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.get("total").asLong()).isZero();
    }

    private Api.Response join(Journey.Registered p, int wave) {
        return api.post("/api/v1/waves/" + wave + "/applications", "", p.token());
    }

    @Test
    @DisplayName("R-21 an eligible participant joins an open wave once, and one wave at a time")
    void join() {
        int wave = ops.openWave(10);
        int other = ops.openWave(10);
        var p = journey.readyToApply(aParticipant());
        var joined = join(p, wave);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
        assertThat(joined.body().get("status").asString()).isEqualTo("PENDING");
        assertThat(join(p, wave).code()).isEqualTo("ALREADY_APPLIED");
        assertThat(join(p, other).code()).isEqualTo("ALREADY_APPLIED");
        var application = api.get("/api/v1/me", p.token()).body().get("application");
        assertThat(application.get("status").asString()).isEqualTo("PENDING");
        // R-23 the not-selected members appear only for a participant not selected
        assertThat(application.has("message")).isFalse();
        assertThat(application.has("canJoinNextWave")).isFalse();
    }

    @Test
    @DisplayName("R-12/R-14 joining needs verified channels and a passed basic test")
    void joinNeedsVerificationAndTest() {
        int wave = ops.openWave(10);
        var who = aParticipant();
        UUID id = journey.register(who);
        String token = api.login(who.email(), who.password());
        var fresh = api.get("/api/v1/me", token).body();
        assertThat(fresh.has("application") && fresh.get("application").isNull()).as(fresh.toString()).isTrue();
        assertThat(fresh.has("card") && fresh.get("card").isNull()).as(fresh.toString()).isTrue();
        assertThat(api.post("/api/v1/waves/" + wave + "/applications", "", token).code()).isEqualTo("VERIFICATION_REQUIRED");
        journey.verify(id, "EMAIL", journey.latestCode(who.email()));
        journey.verify(id, "SMS", journey.latestCode(who.phone()));
        assertThat(api.post("/api/v1/waves/" + wave + "/applications", "", token).code()).isEqualTo("BASIC_TEST_REQUIRED");
    }

    @Test
    @DisplayName("R-13 the under-aged and those declaring an excluded status are not eligible, with the reason")
    void notEligible() {
        int wave = ops.openWave(10);
        // 17 on the test clock's day, which the suite has moved months ahead
        var young = journey.readyToApply(aParticipant().bornOn(
                LocalDate.ofInstant(ops.now(), java.time.ZoneId.of("Asia/Jakarta")).minusYears(17)));
        var r = join(young, wave);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("NOT_ELIGIBLE");
        assertThat(r.body().get("reason").asString()).isEqualTo("UNDER_AGE");
        // the words come from the bundles, with the age from the setting, in the reader's language
        assertThat(r.body().get("detail").asString()).isEqualTo("belum berusia 18 tahun");
        var english = org.prakerja.support.RawHttp.send(port, "POST", "/api/v1/waves/" + wave + "/applications",
                Map.of("Authorization", "Bearer " + young.token(), "Accept-Language", "en"), "");
        assertThat(english.code()).isEqualTo("NOT_ELIGIBLE");
        assertThat(english.json().get("detail").asString()).isEqualTo("younger than 18");
        for (var item : List.of("inSchool", "civilServant", "securityForces", "villageOfficial", "legislator")) {
            var p = journey.readyToApply(aParticipant().declaring(item));
            assertThat(join(p, wave).code()).isEqualTo("NOT_ELIGIBLE");
        }
        assertThat(api.post("/api/v1/waves/999999/applications", "", young.token()).status()).isIn(400, 404);
    }

    @Test
    @DisplayName("R-20 a closed wave takes no applications and transitions follow the states")
    void states() {
        int wave = ops.openWave(10);
        ops.close(wave);
        var p = journey.readyToApply(aParticipant());
        assertThat(join(p, wave).code()).isEqualTo("WAVE_NOT_OPEN");
        var back = api.post("/api/v1/ops/waves/" + wave + "/transitions", Map.of("to", "OPEN"), ops.token());
        assertThat(back.code()).isEqualTo("ILLEGAL_TRANSITION");
        var announced = api.post("/api/v1/ops/waves/" + wave + "/transitions", Map.of("to", "ANNOUNCED"), ops.token());
        assertThat(announced.code()).isEqualTo("ILLEGAL_TRANSITION");
        var early = api.post("/api/v1/ops/waves/" + wave + "/announcement", "", ops.token());
        assertThat(early.code()).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    @DisplayName("R-22 selection is the documented function of the published seed and the applicants")
    void reproducibleSelection() throws Exception {
        int wave = ops.openWave(4);
        var published = api.get("/api/v1/waves?size=100").body().get("items");
        String seedHash = null;
        for (var w : published) {
            if (w.get("number").asInt() == wave) {
                for (var field : List.of("status", "quota", "joinOpensAt", "joinClosesAt", "announcementAt")) {
                    assertThat(w.has(field)).as(field).isTrue();
                }
                assertThat(w.get("status").asString()).isEqualTo("OPEN");
                assertThat(w.has("seed")).isFalse();
                seedHash = w.get("selectionSeedHash").asString();
                assertThat(w.get("selectionSeed").isNull() || w.get("selectionSeed").isMissingNode()).isTrue();
            }
        }
        List<UUID> applicants = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var p = journey.readyToApply(aParticipant().employment(i < 2 ? "EMPLOYED" : "UNEMPLOYED"));
            assertThat(join(p, wave).status()).isEqualTo(201);
            applicants.add(p.id());
        }
        ops.close(wave);
        ops.select(wave);
        var report = api.get("/api/v1/ops/waves/" + wave + "/selection", ops.token()).body();
        String seed = report.get("seed").asString();
        assertThat(sha256Hex(seed)).isEqualTo(seedHash);
        assertThat(report.get("applicants").asInt()).isEqualTo(12);
        assertThat(report.get("selected").asInt()).isEqualTo(4);

        List<UUID> selected = selected(wave);
        assertThat(selected).containsExactlyInAnyOrderElementsOf(recompute(seed, applicants, 4));

        // the same inputs again give the same list
        reset(wave, seed);
        ops.select(wave);
        assertThat(selected(wave)).containsExactlyInAnyOrderElementsOf(selected);

        // another seed gives another list
        String otherSeed = "another-seed-" + UUID.randomUUID();
        reset(wave, otherSeed);
        ops.select(wave);
        assertThat(selected(wave)).containsExactlyInAnyOrderElementsOf(recompute(otherSeed, applicants, 4))
                .isNotEqualTo(selected);
    }

    @Test
    @DisplayName("R-13/R-22 a third recipient from one KK is excluded, and counted by reason")
    void familyCap() {
        int wave = ops.openWave(100);
        String kk = ParticipantBuilder.newKk();
        for (int i = 0; i < 3; i++) {
            var p = journey.readyToApply(aParticipant().inFamily(kk));
            assertThat(join(p, wave).status()).isEqualTo(201);
        }
        ops.close(wave);
        ops.select(wave);
        var report = api.get("/api/v1/ops/waves/" + wave + "/selection", ops.token()).body();
        assertThat(report.get("selected").asInt()).isEqualTo(2);
        assertThat(report.get("excluded").get("FAMILY_CAP").asInt()).isEqualTo(1);
        ops.announce(wave);

        // and with 2 recipients, the KK cannot join again
        int next = ops.openWave(100);
        var fourth = journey.readyToApply(aParticipant().inFamily(kk));
        var r = join(fourth, next);
        assertThat(r.code()).isEqualTo("NOT_ELIGIBLE");
        assertThat(r.body().get("reason").asString()).isEqualTo("FAMILY_CAP");
    }

    @Test
    @DisplayName("R-23/R-24/R-30/R-31 announcement issues funded cards; an unused card is revoked after 30 days")
    void announcementAndDeadline() {
        int wave = ops.openWave(1);
        var winner = journey.readyToApply(aParticipant().employment("LAID_OFF"));
        var other = journey.readyToApply(aParticipant().employment("EMPLOYED"));
        assertThat(join(winner, wave).status()).isEqualTo(201);
        assertThat(join(other, wave).status()).isEqualTo(201);
        ops.close(wave);
        ops.select(wave);
        ops.announce(wave);

        var me = api.get("/api/v1/me", winner.token()).body();
        assertThat(me.get("application").get("status").asString()).isEqualTo("SELECTED");
        assertThat(me.get("application").get("wave").asInt()).isEqualTo(wave);
        assertThat(me.get("application").has("message")).isFalse();
        assertThat(me.get("application").has("canJoinNextWave")).isFalse();
        var latest = me.get("notifications").get(0);
        assertThat(latest.get("kind").asString()).isEqualTo("SELECTED");
        assertThat(latest.get("read").asBoolean()).isFalse();
        assertThat(latest.has("id") && latest.has("text") && latest.has("createdAt")).isTrue();
        var card = me.get("card");
        assertThat(card.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(card.get("balance").asLong()).isEqualTo(1_000_000);
        assertThat(card.get("numberMasked").asString()).matches("\\*{12}\\d{4}");
        var full = api.get("/api/v1/me/card", winner.token()).body().get("number").asString();
        assertThat(CardNumber.isWellFormed(full)).isTrue();
        assertThat(full).endsWith(card.get("numberMasked").asString().substring(12));
        assertThat(api.get("/api/v1/me/card", other.token()).code()).isEqualTo("CARD_NOT_FOUND");
        relay.relayAll();
        var sms = api.get("/sandbox/inbox?to=" + winner.who().phone().replace("+", "%2B")).body();
        assertThat(sms.get(0).get("body").asString()).contains("Gelombang " + wave).doesNotContain(full);

        var loser = api.get("/api/v1/me", other.token()).body();
        assertThat(loser.get("application").get("status").asString()).isEqualTo("NOT_SELECTED");
        assertThat(loser.get("application").get("message").asString()).isEqualTo("Kamu Belum Berhasil");
        assertThat(loser.get("application").get("canJoinNextWave").asBoolean()).isTrue();
        assertThat(loser.has("card")).isTrue();
        assertThat(loser.get("card").isNull()).isTrue();
        assertThat(loser.toString()).contains("Kamu Belum Berhasil");
        int next = ops.openWave(5);
        assertThat(join(other, next).status()).isEqualTo(201);
        assertThat(join(winner, next).code()).isEqualTo("NOT_ELIGIBLE");

        long fundBefore = ops.reconciliation().get("accounts").get("PROGRAM_FUND").asLong();
        api.post("/sandbox/clock", Map.of("advance", "P23D"));
        ops.runJob("deadline-reminders");
        relay.relayAll();
        var reminder = api.get("/sandbox/inbox?to=" + winner.who().phone().replace("+", "%2B")).body();
        assertThat(reminder.get(0).get("body").asString()).contains("7 hari");

        // and at 3 and 1 day before, one SMS each; running the job again sends nothing more
        String inboxOfWinner = "/sandbox/inbox?to=" + winner.who().phone().replace("+", "%2B");
        api.post("/sandbox/clock", Map.of("advance", "P4D"));
        ops.runJob("deadline-reminders");
        relay.relayAll();
        assertThat(api.get(inboxOfWinner).body().get(0).get("body").asString()).contains("3 hari");
        api.post("/sandbox/clock", Map.of("advance", "P2D"));
        ops.runJob("deadline-reminders");
        ops.runJob("deadline-reminders");
        relay.relayAll();
        var reminders = api.get(inboxOfWinner).body();
        assertThat(reminders.get(0).get("body").asString()).contains("1 hari");
        assertThat(reminders.get(1).get("body").asString()).contains("3 hari");

        api.post("/sandbox/clock", Map.of("advance", "P2D"));
        ops.runJob("deadline-enforcement");
        var after = api.get("/api/v1/me", winner.token()).body().get("card");
        assertThat(after.get("status").asString()).isEqualTo("DEACTIVATED");
        assertThat(after.get("balance").asLong()).isZero();
        long fundAfter = ops.reconciliation().get("accounts").get("PROGRAM_FUND").asLong();
        assertThat(fundAfter - fundBefore).isGreaterThanOrEqualTo(1_000_000);
        // the notice follows the CardsRevoked event, after the enforcement's commit
        await().untilAsserted(() -> assertThat(api.get("/api/v1/me", winner.token()).body().toString()).contains("dicabut"));
    }

    private List<UUID> selected(int wave) {
        return db.sql("SELECT participant_id FROM application WHERE wave_number = ? AND status = 'SELECTED'")
                .param(wave).query(UUID.class).list();
    }

    private void reset(int wave, String seed) {
        db.sql("UPDATE application SET status = 'PENDING', exclusion_reason = NULL, rank = NULL WHERE wave_number = ?")
                .param(wave).update();
        db.sql("UPDATE wave SET status = 'CLOSED', seed = ? WHERE number = ?").params(seed, wave).update();
    }

    /** The function of Selection's Javadoc, written again from its description. */
    private List<UUID> recompute(String seed, List<UUID> applicants, int quota) {
        Map<UUID, Integer> priority = new java.util.HashMap<>();
        db.sql("SELECT participant_id, priority FROM application WHERE participant_id = ANY(?::uuid[])")
                .param(applicants.toArray(UUID[]::new))
                .query(rs -> {
                    priority.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return applicants.stream()
                .sorted(Comparator.<UUID>comparingInt(priority::get)
                        .thenComparing((a, b) -> Arrays.compareUnsigned(draw(seed, a), draw(seed, b))))
                .limit(quota)
                .toList();
    }

    private static byte[] draw(String seed, UUID id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((seed + ":" + id).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String s) {
        return java.util.HexFormat.of().formatHex(draw0(s));
    }

    private static byte[] draw0(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
