package org.prakerja.incentive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.CardHolders;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.support.ParticipantBuilder;
import org.prakerja.support.Trainee;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** ..R-74 the whole incentive journey over HTTP, under each shipped scheme. */
@IntegrationTest
class IncentiveJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient db;

    Api api;
    Operator ops;
    CardHolders holders;
    Trainee trainee;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ops = new Operator(api);
        holders = new CardHolders(api, new Journey(api, relay), ops);
        trainee = new Trainee(api, port, relay);
    }

    @AfterEach
    void ledgerBalanced() {
        var r = ops.reconciliation();
        assertThat(r.get("balanced").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.get("total").asLong()).isZero();
    }

    @Test
    @DisplayName("R-70..R-74 SEMI_BANSOS_2022: training → review → payout account (a mismatch refused first) → 4 "
            + "instalments 30 days apart, one refused until the account changes → 3 surveys paid → a second training earns nothing")
    void semiBansosJourney() {
        var holder = holders.make(1, "SEMI_BANSOS_2022").getFirst();
        UUID participant = holder.participant().id();
        String token = holder.token();

        var before = incentives(token);
        assertThat(before.get("eligible").asBoolean()).isFalse();
        assertThat(strings(before.get("missing")))
                .containsExactly("TRAINING_COMPLETION", "CERTIFICATE", "REVIEW", "PAYOUT_ACCOUNT");
        assertThat(before.get("scheme").asString()).isEqualTo("SEMI_BANSOS_2022");
        assertThat(before.get("total").asLong()).isEqualTo(4 * 600_000 + 3 * 50_000);
        assertThat(before.get("instalments").size()).isZero();

        String firstVoucher = trainee.completed(holder, 0);
        await().untilAsserted(() -> assertThat(strings(incentives(token).get("missing")))
                .containsExactly("REVIEW", "PAYOUT_ACCOUNT"));
        assertThat(api.post("/api/v1/me/vouchers/" + firstVoucher + "/review", Map.of("rating", 4, "text", "Bagus"), token)
                .status()).isEqualTo(201);
        await().untilAsserted(() -> assertThat(incentives(token).get("instalments").size()).isEqualTo(4));
        var earned = incentives(token);
        assertThat(strings(earned.get("missing"))).containsExactly("PAYOUT_ACCOUNT");
        assertThat(earned.get("eligible").asBoolean()).isFalse();
        earned.get("instalments").forEach(i -> {
            assertThat(i.get("status").asString()).isEqualTo("SCHEDULED");
            assertThat(i.get("amount").asLong()).isEqualTo(600_000);
            assertThat(i.get("dueAt").isNull()).as("no schedule before the account").isTrue();
        });
        assertThat(api.get("/api/v1/me/payout-account", token).code()).isEqualTo("PAYOUT_ACCOUNT_NOT_FOUND");

        // R-71 refusals first, each changing nothing
        String phone = holder.participant().who().phone();
        String otherName = bankAccount("Siti Aminah");
        assertThat(link(token, "BCA", otherName).code()).isEqualTo("HOLDER_NAME_MISMATCH");
        assertThat(link(token, "GOPAY", "+6281999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)))
                .code()).isEqualTo("PHONE_MISMATCH");
        assertThat(link(token, "BNI", "99" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)))
                .code()).isEqualTo("PAYOUT_ACCOUNT_NOT_FOUND");
        assertThat(link(token, "JENIUS", "1234567890").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(link(token, "BCA", "12-34").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/me/payout-account", token).status()).isEqualTo(404);

        // the e-wallet on the registered phone, typed as people type it
        var linked = link(token, "GOPAY", "0" + phone.substring(3));
        assertThat(linked.status()).as(linked.raw()).isEqualTo(200);
        assertThat(linked.body().get("holderName").asString()).isEqualTo("Budi Santoso");
        assertThat(linked.body().get("accountNumberMasked").asString()).endsWith(phone.substring(phone.length() - 4))
                .doesNotContain(phone.substring(3, 8));
        var scheduled = incentives(token);
        assertThat(scheduled.get("eligible").asBoolean()).isTrue();
        assertThat(strings(scheduled.get("missing"))).isEmpty();
        Instant start = Instant.parse(scheduled.get("instalments").get(0).get("dueAt").asString());
        assertThat(Instant.parse(scheduled.get("instalments").get(3).get("dueAt").asString()))
                .isEqualTo(start.plus(Duration.ofDays(90)));

        // instalment 1 in the next run; the surveys open with it
        ops.runJob("disbursement");
        var first = incentives(token);
        assertThat(status(first, "instalments", 1)).isEqualTo("PAID");
        assertThat(status(first, "instalments", 2)).isEqualTo("SCHEDULED");
        assertThat(surveyStatuses(first)).containsExactly("OPEN", "LOCKED", "LOCKED");
        assertThat(paidTo(phone)).hasSize(1);

        // R-73 survey 1: bad answers change nothing; then answered once and paid like an instalment
        var form = api.get("/api/v1/me/surveys/1", token);
        assertThat(form.status()).as(form.raw()).isEqualTo(200);
        assertThat(form.body().get("questions").size()).isEqualTo(3);
        assertThat(api.get("/api/v1/me/surveys/2", token).code()).isEqualTo("SURVEY_NOT_OPEN");
        assertThat(api.post("/api/v1/me/surveys/1", Map.of("answers", List.of(Map.of("questionId", "NO_SUCH",
                "optionId", "X"))), token).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer(token, 2).code()).isEqualTo("SURVEY_NOT_OPEN");
        assertThat(answer(token, 1).status()).isEqualTo(201);
        assertThat(answer(token, 1).code()).isEqualTo("ALREADY_ANSWERED");
        ops.runJob("disbursement");
        assertThat(incentives(token).get("surveys").get(0).get("payout").get("status").asString()).isEqualTo("PAID");

        // 30 days on: instalment 2, survey 2
        advance("P30D");
        ops.runJob("disbursement");
        assertThat(status(incentives(token), "instalments", 2)).isEqualTo("PAID");
        assertThat(answer(token, 2).status()).isEqualTo(201);
        ops.runJob("disbursement");

        // 30 days on: instalment 3 is refused, retried with back-off, parked FAILED, and the participant told
        api.post("/sandbox/payouts/failures", Map.of("accountNumber", phone, "mode", "REJECT", "times", 10));
        advance("P30D");
        ops.runJob("disbursement");
        var refused = incentives(token).get("instalments").get(2);
        assertThat(refused.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(refused.get("failureReason").asString()).isEqualTo("ACCOUNT_REJECTED");
        advance("PT1H");
        ops.runJob("disbursement");
        advance("PT2H");
        ops.runJob("disbursement");
        var failed = incentives(token).get("instalments").get(2);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asString()).isEqualTo("ACCOUNT_REJECTED");
        assertThat(api.get("/api/v1/me", token).body().get("notifications").get(0).get("text").asString())
                .contains("Insentif kamu gagal dicairkan");
        relay.relayAll();
        assertThat(api.get("/sandbox/inbox?to=" + holder.participant().who().email(), null).body().get(0)
                .get("subject").asString()).isEqualTo("Insentif kamu gagal dicairkan");
        var failedOps = api.get("/api/v1/ops/disbursements?status=FAILED&kind=INCENTIVE&size=100", ops.token());
        assertThat(failedOps.status()).as(failedOps.raw()).isEqualTo(200);
        assertThat(failedOps.body().get("items").findValuesAsString("participantId")).contains(participant.toString());

        // a new account: the bank account in the registered name, written as a bank writes it
        String bank = bankAccount("BUDI  SANTOSO,");
        var changed = link(token, "BCA", bank);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("holderName").asString()).isEqualTo("BUDI  SANTOSO,");
        ops.runJob("disbursement");
        var recovered = incentives(token).get("instalments").get(2);
        assertThat(recovered.get("status").asString()).isEqualTo("PAID");
        assertThat(recovered.get("accountNumberMasked").asString()).endsWith(bank.substring(bank.length() - 4));
        assertThat(paidTo(bank)).hasSize(1);

        // survey 3 opened 60 days after the first payment
        assertThat(surveyStatuses(incentives(token))).containsExactly("ANSWERED", "ANSWERED", "OPEN");
        assertThat(answer(token, 3).status()).isEqualTo(201);
        advance("P30D");
        ops.runJob("disbursement");
        var done = incentives(token);
        assertThat(done.get("instalments").findValuesAsString("status")).containsOnly("PAID");
        done.get("surveys").forEach(s -> assertThat(s.get("payout").get("status").asString()).isEqualTo("PAID"));
        assertThat(done.get("paid").asLong()).isEqualTo(4 * 600_000 + 3 * 50_000);

        // R-70 a second training earns nothing more
        trainee.trainAndReview(holder, 1);
        await().until(() -> noEventsPendingFor(participant));
        ops.runJob("disbursement");
        var after = incentives(token);
        assertThat(after.get("instalments").size()).isEqualTo(4);
        assertThat(after.get("paid").asLong()).isEqualTo(4 * 600_000 + 3 * 50_000);

        assertMoneyAgrees(participant, List.of(phone, bank), 4 * 600_000 + 3 * 50_000);
    }

    @Test
    @DisplayName("R-25 NORMAL_2023: Rp3.500.000 balance, a 15-day deadline, one instalment, two surveys; 65-year-olds may not join")
    void normalSchemeJourney() {
        int wave = ops.openWave(5, "NORMAL_2023");
        var journey = new Journey(api, relay);
        var old = journey.readyToApply(ParticipantBuilder.aParticipant().bornOn(java.time.LocalDate.of(1955, 1, 1)));
        var refused = api.post("/api/v1/waves/" + wave + "/applications", "", old.token());
        assertThat(refused.code()).isEqualTo("NOT_ELIGIBLE");
        assertThat(refused.body().get("reason").asString()).isEqualTo("OVER_AGE");
        assertThat(refused.body().get("detail").asString()).contains("64");

        var holder = holders.make(1, "NORMAL_2023").getFirst();
        String token = holder.token();
        var card = api.get("/api/v1/me/card", token).body();
        assertThat(card.get("balance").asLong()).isEqualTo(3_500_000);
        var deadline = Instant.parse(card.get("purchaseDeadline").asString());
        assertThat(Duration.between(ops.now(), deadline)).isBetween(Duration.ofDays(14), Duration.ofDays(15));

        trainee.trainAndReview(holder, 0);
        await().untilAsserted(() -> assertThat(incentives(token).get("instalments").size()).isOne());
        String phone = holder.participant().who().phone();
        assertThat(link(token, "DANA", phone).status()).isEqualTo(200);
        ops.runJob("disbursement");
        var paid = incentives(token);
        assertThat(paid.get("scheme").asString()).isEqualTo("NORMAL_2023");
        assertThat(paid.get("total").asLong()).isEqualTo(600_000 + 2 * 50_000);
        assertThat(status(paid, "instalments", 1)).isEqualTo("PAID");
        assertThat(surveyStatuses(paid)).containsExactly("OPEN", "LOCKED");
        assertThat(answer(token, 1).status()).isEqualTo(201);
        advance("P30D");
        assertThat(answer(token, 2).status()).isEqualTo(201);
        ops.runJob("disbursement");
        var done = incentives(token);
        assertThat(done.get("paid").asLong()).isEqualTo(700_000);
        var summary = api.get("/api/v1/ops/disbursements/summary", ops.token());
        assertThat(summary.status()).as(summary.raw()).isEqualTo(200);
        assertThat(summary.body().get("PAID").get("count").asLong()).isPositive();
        assertMoneyAgrees(holder.participant().id(), List.of(phone), 700_000);
    }

    @Test
    @DisplayName("R-25 schemes: listed for operators; an ADMIN adds one (409 SCHEME_EXISTS, 400 for negative amounts or "
            + "minAge > maxAge, changing nothing); a wave under an unknown scheme is 422 SCHEME_NOT_FOUND")
    void schemes() {
        var all = api.get("/api/v1/ops/schemes", ops.token());
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().findValuesAsString("name")).contains("SEMI_BANSOS_2022", "NORMAL_2023");
        String name = "UJI_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        var body = new HashMap<String, Object>(Map.of("name", name, "trainingBalance", 2_000_000, "incentiveAmount", 300_000,
                "incentiveCount", 2, "incentiveIntervalDays", 30, "surveyAmount", 25_000, "surveyCount", 1,
                "firstPurchaseDays", 20, "minAge", 18));
        body.put("maxAge", 60);
        var negative = new HashMap<>(body);
        negative.put("incentiveAmount", -1);
        assertThat(api.post("/api/v1/ops/schemes", negative, ops.token()).code()).isEqualTo("VALIDATION_FAILED");
        var ages = new HashMap<>(body);
        ages.put("minAge", 65);
        assertThat(api.post("/api/v1/ops/schemes", ages, ops.token()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/ops/schemes", ops.token()).body().findValuesAsString("name")).doesNotContain(name);
        var created = api.post("/api/v1/ops/schemes", body, ops.token());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(api.post("/api/v1/ops/schemes", body, ops.token()).code()).isEqualTo("SCHEME_EXISTS");
        var wave = api.post("/api/v1/ops/waves", Map.of("number", 99_000 + ThreadLocalRandom.current().nextInt(999),
                "quota", 1, "joinOpensAt", "2030-01-01T00:00:00+07:00", "joinClosesAt", "2030-01-02T00:00:00+07:00",
                "announcementAt", "2030-01-03T00:00:00+07:00", "scheme", "NO_SUCH_SCHEME"), ops.token());
        assertThat(wave.status()).isEqualTo(422);
        assertThat(wave.code()).isEqualTo("SCHEME_NOT_FOUND");
        assertThatThrownBy(() -> db.sql("UPDATE scheme SET survey_count = 9 WHERE name = 'NORMAL_2023'").update())
                .as("a scheme never changes").isInstanceOf(org.springframework.dao.DataAccessException.class);
    }

    // --- helpers

    private JsonNode incentives(String token) {
        var r = api.get("/api/v1/me/incentives", token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private Api.Response link(String token, String provider, String number) {
        return api.put("/api/v1/me/payout-account", Map.of("provider", provider, "accountNumber", number), token);
    }

    private String bankAccount(String holderName) {
        String number = "8" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        var r = api.post("/sandbox/payout-accounts", Map.of("provider", "BCA", "accountNumber", number, "holderName",
                holderName));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return number;
    }

    private Api.Response answer(String token, int seq) {
        return api.post("/api/v1/me/surveys/" + seq, Map.of("answers", List.of(
                Map.of("questionId", "EMPLOYMENT", "optionId", "SELF_EMPLOYED"),
                Map.of("questionId", "USEFULNESS", "optionId", "VERY"),
                Map.of("questionId", "INCENTIVE_USE", "optionId", "BUSINESS"))), token);
    }

    private void advance(String by) {
        assertThat(api.post("/sandbox/clock", Map.of("advance", by)).status()).isEqualTo(200);
    }

    private static String status(JsonNode incentives, String list, int seq) {
        return incentives.get(list).get(seq - 1).get("status").asString();
    }

    private static List<String> surveyStatuses(JsonNode incentives) {
        var out = new ArrayList<String>();
        incentives.get("surveys").forEach(s -> out.add(s.get("status").asString()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private List<JsonNode> paidTo(String account) {
        return LedgerView.paidTo(api, account);
    }

    private boolean noEventsPendingFor(UUID participant) {
        return db.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + participant + "%").query(Long.class).single() == 0;
    }

    private void assertMoneyAgrees(UUID participant, List<String> accounts, long earned) {
        LedgerView.assertMoneyAgrees(db, api, participant, accounts, earned);
    }
}
