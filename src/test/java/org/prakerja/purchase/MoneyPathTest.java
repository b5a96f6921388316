package org.prakerja.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
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
import org.prakerja.support.PartnerApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class MoneyPathTest {

    private static final Pattern OTP = Pattern.compile("kode OTP (\\d{6})");

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient db;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${prakerja.partner.otp-per-card}")
    int otpPerCard;

    Api api;
    Operator ops;
    CardHolders holders;
    PartnerApi tokopedia;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ops = new Operator(api);
        holders = new CardHolders(api, new Journey(api, relay), ops);
        tokopedia = PartnerApi.seeded(api, port, "tokopedia");
    }

    @AfterEach
    void ledgerBalanced() {
        var r = ops.reconciliation();
        assertThat(r.get("balanced").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.get("total").asLong()).isZero();
    }

    /** A training tokopedia sells, priced so that the balance covers exactly {@code times} of it. */
    JsonNode trainingCovered(PartnerApi platform, int times) {
        for (JsonNode t : platform.get("/partner/v1/trainings").body().get("items")) {
            long price = t.get("price").asLong();
            if (price * times <= 1_000_000 && price * (times + 1) > 1_000_000) {
                return t;
            }
        }
        throw new AssertionError("no training priced for " + times + " purchases on " + platform.partnerId());
    }

    JsonNode anyTraining(PartnerApi platform) {
        return platform.get("/partner/v1/trainings").body().get("items").get(0);
    }

    PartnerApi institutionOf(JsonNode training) {
        return PartnerApi.seeded(api, port, training.get("institution").get("id").asString());
    }

    record Otp(String otpId, String code) {
    }

    Otp otp(PartnerApi platform, CardHolders.Holder holder, String trainingId) {
        var r = platform.post("/partner/v1/otp", Map.of("cardNumber", holder.cardNumber(), "trainingId", trainingId));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        String phone = holder.participant().who().phone();
        assertThat(r.body().get("phoneMasked").asString()).endsWith(phone.substring(phone.length() - 4))
                .doesNotContain(phone.substring(0, phone.length() - 4));
        assertThat(OffsetDateTime.parse(r.body().get("expiresAt").asString())).isAfter(OffsetDateTime.now().plusMinutes(4));
        relay.relayAll();
        var sms = api.get("/sandbox/inbox?to=" + holder.participant().who().phone().replace("+", "%2B")).body().get(0);
        var m = OTP.matcher(sms.get("body").asString());
        assertThat(m.find()).isTrue();
        return new Otp(r.body().get("otpId").asString(), m.group(1));
    }

    Api.Response buy(PartnerApi platform, CardHolders.Holder holder, String trainingId, Otp otp, String externalId) {
        return platform.post("/partner/v1/purchases", Map.of("cardNumber", holder.cardNumber(), "otpId", otp.otpId(),
                "otp", otp.code(), "trainingId", trainingId), externalId);
    }

    Api.Response buy(PartnerApi platform, CardHolders.Holder holder, String trainingId) {
        return buy(platform, holder, trainingId, otp(platform, holder, trainingId), UUID.randomUUID().toString());
    }

    long account(String kind) {
        return ops.reconciliation().get("accounts").get(kind).asLong();
    }

    @Test
    @DisplayName("R-10..R-65 one participant's whole journey over HTTP, from registration to review")
    void wholeJourney() {
        var holder = holders.one();
        var training = anyTraining(tokopedia);
        String trainingId = training.get("id").asString();
        long price = training.get("price").asLong();
        long payableBefore = account("PLATFORM_PAYABLE");

        var bought = buy(tokopedia, holder, trainingId);
        assertThat(bought.status()).as(bought.raw()).isEqualTo(201);
        String code = bought.body().get("voucherCode").asString();
        assertThat(code).matches("PK-[0-9A-Z]{5}-[0-9A-Z]{5}");
        assertThat(bought.body().get("remainingBalance").asLong()).isEqualTo(1_000_000 - price);
        assertThat(bought.raw()).doesNotContain(holder.cardNumber());
        relay.relayAll();
        var email = api.get("/sandbox/inbox?to=" + holder.participant().who().email()).body().get(0);
        assertThat(email.get("body").asString()).contains(code);

        var notice = api.get("/api/v1/me", holder.token()).body().get("notifications").get(0);
        assertThat(notice.get("kind").asString()).isEqualTo("VOUCHER_PURCHASED");
        assertThat(notice.get("text").asString()).contains(training.get("title").asString());
        assertThat(notice.get("read").asBoolean()).isFalse();

        var mine = api.get("/api/v1/me/vouchers", holder.token()).body().get("items").get(0);
        assertThat(mine.get("voucherCode").asString()).isEqualTo(code);
        assertThat(mine.get("status").asString()).isEqualTo("PURCHASED");
        assertThat(api.post("/api/v1/me/vouchers/" + code + "/resend", "", holder.token()).status()).isEqualTo(202);
        relay.relayAll();
        var resent = api.get("/sandbox/inbox?to=" + holder.participant().who().email()).body();
        assertThat(resent.get(0).get("body").asString()).contains(code);
        assertThat(resent.get(1).get("body").asString()).contains(code);
        assertThat(api.post("/api/v1/me/vouchers/PK-00000-00000/resend", "", holder.token()).code())
                .isEqualTo("VOUCHER_NOT_FOUND");

        // the first purchase stops the deadline
        api.post("/sandbox/clock", Map.of("advance", "P31D"));
        ops.runJob("deadline-enforcement");
        assertThat(api.get("/api/v1/me", holder.token()).body().get("card").get("status").asString()).isEqualTo("ACTIVE");

        var lp = institutionOf(training);
        var redeemed = lp.post("/partner/v1/redemptions", Map.of("voucherCode", code));
        assertThat(redeemed.status()).as(redeemed.raw()).isEqualTo(201);
        assertThat(redeemed.body().get("participantName").asString()).isEqualTo("Budi Santoso");
        assertThat(account("PLATFORM_PAYABLE") - payableBefore).isEqualTo(price);

        assertThat(api.post("/api/v1/me/vouchers/" + code + "/review", Map.of("rating", 5, "text", "Bagus"), holder.token())
                .code()).isEqualTo("CERTIFICATE_REQUIRED");
        var early = lp.post("/partner/v1/vouchers/" + code + "/completion", completion("CERT-" + UUID.randomUUID()));
        assertThat(early.code()).isEqualTo("PRETEST_REQUIRED");
        assertThat(lp.post("/partner/v1/vouchers/" + code + "/pretest", Map.of("score", 55)).body().get("status").asString())
                .isEqualTo("PRETEST_DONE");
        String certificate = "CERT-" + UUID.randomUUID().toString().substring(0, 8);
        var done = lp.post("/partner/v1/vouchers/" + code + "/completion", completion(certificate));
        assertThat(done.body().get("status").asString()).isEqualTo("COMPLETED");
        // the notice follows the TrainingCompleted event, after the completion's commit
        await().untilAsserted(() -> assertThat(api.get("/api/v1/me", holder.token()).body().get("notifications").get(0)
                .get("text").asString()).contains(certificate));

        var check = api.get("/api/v1/certificates/" + certificate).body();
        assertThat(check.get("valid").asBoolean()).isTrue();
        assertThat(check.get("holderName").asString()).isEqualTo("B*** S***");
        assertThat(api.get("/api/v1/certificates/NOPE-1").code()).isEqualTo("CERTIFICATE_NOT_FOUND");

        int ratingsBefore = training.get("ratingCount").asInt();
        var review = api.post("/api/v1/me/vouchers/" + code + "/review", Map.of("rating", 4, "text", "Materinya praktis"),
                holder.token());
        assertThat(review.status()).as(review.raw()).isEqualTo(201);
        assertThat(api.post("/api/v1/me/vouchers/" + code + "/review", Map.of("rating", 4, "text", "lagi"), holder.token())
                .code()).isEqualTo("ALREADY_REVIEWED");
        // the catalog takes the rating in from the TrainingReviewed event, after the review's commit
        await().untilAsserted(() -> {
            var rated = api.get("/api/v1/trainings?q=" + training.get("title").asString().split(" ")[0] + "&size=100").body();
            JsonNode after = null;
            for (var t : rated.get("items")) {
                if (t.get("id").asString().equals(trainingId)) {
                    after = t;
                }
            }
            assertThat(after).isNotNull();
            assertThat(after.get("ratingCount").asInt()).isEqualTo(ratingsBefore + 1);
        });

        var finalVoucher = api.get("/api/v1/me/vouchers", holder.token()).body().get("items").get(0);
        assertThat(finalVoucher.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(finalVoucher.get("pretestScore").asInt()).isEqualTo(55);
        assertThat(finalVoucher.get("certificate").get("number").asString()).isEqualTo(certificate);
        assertThat(finalVoucher.get("review").get("rating").asInt()).isEqualTo(4);
        assertThat(api.get("/api/v1/me", holder.token()).body().get("card").get("balance").asLong()).isEqualTo(1_000_000 - price);
        var summary = api.get("/api/v1/ops/reports/summary", ops.token()).body();
        assertThat(summary.get("completions").asLong()).isPositive();
        assertThat(summary.get("purchases").asLong()).isGreaterThanOrEqualTo(summary.get("completions").asLong());
        assertThat(summary.get("paidToPlatforms").asLong()).isGreaterThanOrEqualTo(price);
    }

    static Map<String, Object> completion(String certificate) {
        return Map.of("postTestScore", 80, "certificateNumber", certificate,
                "certificateUrl", "https://lp.example.id/sertifikat/" + certificate,
                "issuedAt", OffsetDateTime.now(ZoneOffset.ofHours(7)).toString());
    }

    @Test
    @DisplayName("R-32 50 concurrent purchases against a card whose balance covers 3 give exactly 3 vouchers")
    void concurrentPurchases() throws Exception {
        var holder = holders.one();
        String trainingId = trainingCovered(tokopedia, 3).get("id").asString();
        List<Otp> otps = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            otps.add(otp(tokopedia, holder, trainingId));
        }
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (Otp otp : otps) {
            tasks.add(() -> buy(tokopedia, holder, trainingId, otp, UUID.randomUUID().toString()));
        }
        List<Api.Response> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(50)) {
            for (var f : pool.invokeAll(tasks)) {
                answers.add(f.get());
            }
        }
        assertThat(answers.stream().filter(r -> r.status() == 201).count()).isEqualTo(3);
        assertThat(answers.stream().filter(r -> r.status() != 201).map(Api.Response::code))
                .containsOnly("INSUFFICIENT_BALANCE");
        assertThat(api.get("/api/v1/me/vouchers", holder.token()).body().get("total").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/me", holder.token()).body().get("card").get("balance").asLong()).isNotNegative();
    }

    @Test
    @DisplayName("R-52 20 concurrent retries of one X-External-Id give one voucher and 20 identical answers")
    void concurrentRetries() throws Exception {
        var holder = holders.one();
        String trainingId = anyTraining(tokopedia).get("id").asString();
        var otp = otp(tokopedia, holder, trainingId);
        String key = UUID.randomUUID().toString();
        var tasks = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> buy(tokopedia, holder, trainingId, otp, key));
        }
        var bodies = new HashSet<String>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (var f : pool.invokeAll(tasks)) {
                var r = f.get();
                assertThat(r.status()).as(r.raw()).isEqualTo(201);
                bodies.add(r.raw());
            }
        }
        assertThat(bodies).hasSize(1);
        assertThat(api.get("/api/v1/me/vouchers", holder.token()).body().get("total").asInt()).isEqualTo(1);

        var changed = tokopedia.post("/partner/v1/purchases", Map.of("cardNumber", holder.cardNumber(),
                "otpId", otp.otpId(), "otp", otp.code(), "trainingId", trainingId + "-changed"), key);
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    @DisplayName("R-52 a purchase whose last, queued writes fail at commit answers 500, keeps nothing, and its retry succeeds")
    void failureAtCommit() {
        var holder = holders.one();
        String trainingId = anyTraining(tokopedia).get("id").asString();
        var otp = otp(tokopedia, holder, trainingId);
        String participantId = db.sql("SELECT id::text FROM participant WHERE phone = ?")
                .param(holder.participant().who().phone()).query(String.class).single();
        // the in-app notice is among the writes sent with the COMMIT; make PostgreSQL refuse it
        jdbc.execute("""
                CREATE FUNCTION test_refuse_notice() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.participant_id = '%s'::uuid THEN RAISE EXCEPTION 'refused by the test'; END IF;
                    RETURN NEW;
                END $$""".formatted(participantId));
        jdbc.execute("""
                CREATE TRIGGER test_refuse_notice BEFORE INSERT ON in_app_notification
                FOR EACH ROW EXECUTE FUNCTION test_refuse_notice()""");
        String key = UUID.randomUUID().toString();
        Api.Response failed;
        try {
            failed = buy(tokopedia, holder, trainingId, otp, key);
        } finally {
            jdbc.execute("DROP TRIGGER test_refuse_notice ON in_app_notification");
            jdbc.execute("DROP FUNCTION test_refuse_notice()");
        }
        assertThat(failed.status()).as(failed.raw()).isEqualTo(500);
        assertThat(failed.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(failed.raw()).doesNotContain("refused by the test").doesNotContain("SQL");
        assertThat(api.get("/api/v1/me", holder.token()).body().get("card").get("balance").asLong()).isEqualTo(1_000_000);
        assertThat(api.get("/api/v1/me/vouchers", holder.token()).body().get("total").asInt()).isZero();

        // nothing was kept, the OTP included: the same request with the same key now goes through
        var retried = buy(tokopedia, holder, trainingId, otp, key);
        assertThat(retried.status()).as(retried.raw()).isEqualTo(201);
        assertThat(api.get("/api/v1/me/vouchers", holder.token()).body().get("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/me", holder.token()).body().get("card").get("balance").asLong())
                .isEqualTo(1_000_000 - retried.body().get("price").asLong());
    }

    @Test
    @DisplayName("R-53/R-60 a concurrent refund and redemption of one voucher: exactly one wins")
    void refundRacesRedemption() throws Exception {
        for (int round = 0; round < 3; round++) {
            var holder = holders.one();
            var training = anyTraining(tokopedia);
            var bought = buy(tokopedia, holder, training.get("id").asString());
            String purchaseId = bought.body().get("purchaseId").asString();
            String code = bought.body().get("voucherCode").asString();
            var lp = institutionOf(training);
            Callable<Api.Response> refund = () -> tokopedia.post("/partner/v1/purchases/" + purchaseId + "/refund",
                    Map.of("reason", "berubah pikiran"));
            Callable<Api.Response> redeem = () -> lp.post("/partner/v1/redemptions", Map.of("voucherCode", code));
            try (var pool = Executors.newFixedThreadPool(2)) {
                var results = pool.invokeAll(List.of(refund, redeem));
                var a = results.get(0).get();
                var b = results.get(1).get();
                assertThat((a.status() == 200 ? 1 : 0) + (b.status() == 201 ? 1 : 0)).as(a.raw() + b.raw()).isEqualTo(1);
            }
        }
    }

    @Test
    @DisplayName("R-53 refunds follow the platform's policy and return the price to the balance")
    void refundPolicy() {
        var holder = holders.one();
        var training = anyTraining(tokopedia);
        var bought = buy(tokopedia, holder, training.get("id").asString());
        String purchaseId = bought.body().get("purchaseId").asString();
        var refunded = tokopedia.post("/partner/v1/purchases/" + purchaseId + "/refund", Map.of("reason", "salah pilih"));
        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(200);
        assertThat(refunded.body().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refunded.body().get("remainingBalance").asLong()).isEqualTo(1_000_000);
        assertThat(tokopedia.post("/partner/v1/purchases/" + purchaseId + "/refund", Map.of("reason", "lagi")).code())
                .isEqualTo("REFUND_NOT_ALLOWED");
        var seen = tokopedia.get("/partner/v1/purchases/" + purchaseId).body();
        assertThat(seen.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(seen.get("purchaseId").asString()).isEqualTo(purchaseId);
        assertThat(seen.get("voucherCode").asString()).isEqualTo(bought.body().get("voucherCode").asString());
        assertThat(seen.get("price").asLong()).isEqualTo(bought.body().get("price").asLong());
        assertThat(seen.get("purchasedAt").asString()).isNotBlank();
        var lp = institutionOf(training);
        assertThat(lp.post("/partner/v1/redemptions", Map.of("voucherCode", bought.body().get("voucherCode").asString()))
                .code()).isEqualTo("VOUCHER_REFUNDED");
        // a refunded voucher takes no pre-test and no completion either
        String refundedCode = bought.body().get("voucherCode").asString();
        assertThat(lp.post("/partner/v1/vouchers/" + refundedCode + "/pretest", Map.of("score", 50)).code())
                .isEqualTo("VOUCHER_REFUNDED");
        assertThat(lp.post("/partner/v1/vouchers/" + refundedCode + "/completion", completion("C-" + UUID.randomUUID()))
                .code()).isEqualTo("VOUCHER_REFUNDED");

        // 3 days on tokopedia: on the 4th day no more
        var second = buy(tokopedia, holder, training.get("id").asString());
        api.post("/sandbox/clock", Map.of("advance", "P4D"));
        assertThat(tokopedia.post("/partner/v1/purchases/" + second.body().get("purchaseId").asString() + "/refund",
                Map.of("reason", "telat")).code()).isEqualTo("REFUND_NOT_ALLOWED");

        // pijarmahir allows no refund at all
        var pijar = PartnerApi.seeded(api, port, "pijarmahir");
        var third = buy(pijar, holder, anyTraining(pijar).get("id").asString());
        assertThat(pijar.post("/partner/v1/purchases/" + third.body().get("purchaseId").asString() + "/refund",
                Map.of("reason", "x")).code()).isEqualTo("REFUND_NOT_ALLOWED");
        // another platform cannot see or refund it
        assertThat(tokopedia.get("/partner/v1/purchases/" + third.body().get("purchaseId").asString()).code())
                .isEqualTo("VOUCHER_NOT_FOUND");
    }

    @Test
    @DisplayName("R-60/R-61/R-62 only the making institution redeems; one training at a time; pre-test first")
    void trainingRules() {
        var holder = holders.one();
        var training = anyTraining(tokopedia);
        String first = buy(tokopedia, holder, training.get("id").asString()).body().get("voucherCode").asString();
        String second = buy(tokopedia, holder, training.get("id").asString()).body().get("voucherCode").asString();
        var lp = institutionOf(training);
        var other = PartnerApi.seeded(api, port,
                training.get("institution").get("id").asString().equals("lp-cakap") ? "lp-tani" : "lp-cakap");
        var notYours = other.post("/partner/v1/redemptions", Map.of("voucherCode", first));
        assertThat(notYours.status()).isEqualTo(403);
        assertThat(notYours.code()).isEqualTo("VOUCHER_NOT_YOURS");
        assertThat(other.get("/partner/v1/vouchers/" + first).code()).isEqualTo("VOUCHER_NOT_YOURS");
        assertThat(lp.get("/partner/v1/vouchers/" + first).body().get("status").asString()).isEqualTo("PURCHASED");

        assertThat(lp.post("/partner/v1/vouchers/" + first + "/pretest", Map.of("score", 50)).code())
                .isEqualTo("VOUCHER_NOT_REDEEMED");
        assertThat(lp.post("/partner/v1/redemptions", Map.of("voucherCode", first)).status()).isEqualTo(201);
        assertThat(lp.post("/partner/v1/redemptions", Map.of("voucherCode", first)).code()).isEqualTo("VOUCHER_ALREADY_REDEEMED");
        assertThat(lp.post("/partner/v1/redemptions", Map.of("voucherCode", second)).code())
                .isEqualTo("PREVIOUS_TRAINING_NOT_COMPLETED");
        lp.post("/partner/v1/vouchers/" + first + "/pretest", Map.of("score", 40));
        assertThat(lp.post("/partner/v1/vouchers/" + first + "/completion", completion("C-" + UUID.randomUUID())).status())
                .isEqualTo(200);
        assertThat(lp.post("/partner/v1/redemptions", Map.of("voucherCode", second)).status()).isEqualTo(201);
        assertThat(lp.post("/partner/v1/vouchers/" + second + "/completion", completion("C-" + UUID.randomUUID())).code())
                .isEqualTo("PRETEST_REQUIRED");
        assertThat(lp.post("/partner/v1/redemptions", Map.of("voucherCode", "PK-00000-00000")).code())
                .isEqualTo("VOUCHER_NOT_FOUND");
    }

    @Test
    @DisplayName("R-51 OTPs: wrong codes lock the card after 5, a used one is spent, an old one expires")
    void otpRules() {
        var holder = holders.one();
        String trainingId = anyTraining(tokopedia).get("id").asString();
        var otp = otp(tokopedia, holder, trainingId);
        assertThat(buy(tokopedia, holder, trainingId, otp, UUID.randomUUID().toString()).status()).isEqualTo(201);
        var reused = buy(tokopedia, holder, trainingId, otp, UUID.randomUUID().toString());
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.code()).isEqualTo("OTP_INVALID");

        var old = otp(tokopedia, holder, trainingId);
        api.post("/sandbox/clock", Map.of("advance", "PT6M"));
        assertThat(buy(tokopedia, holder, trainingId, old, UUID.randomUUID().toString()).code()).isEqualTo("OTP_EXPIRED");

        var fresh = otp(tokopedia, holder, trainingId);
        var wrong = new Otp(fresh.otpId(), fresh.code().equals("000000") ? "111111" : "000000");
        for (int i = 0; i < 4; i++) {
            assertThat(buy(tokopedia, holder, trainingId, wrong, UUID.randomUUID().toString()).code()).isEqualTo("OTP_INVALID");
        }
        var fifth = buy(tokopedia, holder, trainingId, wrong, UUID.randomUUID().toString());
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.code()).isEqualTo("OTP_LOCKED");
        assertThat(buy(tokopedia, holder, trainingId, fresh, UUID.randomUUID().toString()).code()).isEqualTo("OTP_LOCKED");
        // the lock also refuses new codes, until the 30-minute window has passed
        var locked = requestOtp(holder, trainingId);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.code()).isEqualTo("OTP_LOCKED");
        api.post("/sandbox/clock", Map.of("advance", "PT31M"));
        var again = otp(tokopedia, holder, trainingId);
        assertThat(buy(tokopedia, holder, trainingId, again, UUID.randomUUID().toString()).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/me/vouchers", holder.token()).body().get("total").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-51 a card's OTP requests are limited per 10 minutes (RATE_LIMITED, nothing sent), then allowed again")
    void otpRequestsPerCardAreLimited() {
        var holder = holders.one();
        String trainingId = anyTraining(tokopedia).get("id").asString();
        for (int i = 0; i < otpPerCard; i++) {
            assertThat(requestOtp(holder, trainingId).status()).isEqualTo(201);
        }
        UUID holderId = holder.participant().id();
        long sent = db.sql("SELECT count(*) FROM outbox WHERE participant_id = ? AND channel = 'SMS'").param(holderId)
                .query(Long.class).single();
        assertThat(sent).as("the OTP SMS went to the outbox").isGreaterThanOrEqualTo(otpPerCard);
        var limited = requestOtp(holder, trainingId);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(db.sql("SELECT count(*) FROM outbox WHERE participant_id = ? AND channel = 'SMS'").param(holderId)
                .query(Long.class).single()).isEqualTo(sent);
        api.post("/sandbox/clock", Map.of("advance", "PT11M"));
        assertThat(requestOtp(holder, trainingId).status()).isEqualTo(201);
    }

    Api.Response requestOtp(CardHolders.Holder holder, String trainingId) {
        return tokopedia.post("/partner/v1/otp", Map.of("cardNumber", holder.cardNumber(), "trainingId", trainingId));
    }

    @Test
    @DisplayName("R-51/R-33 unknown and deactivated cards and trainings not sold here are refused")
    void purchaseRefusals() {
        var holder = holders.one();
        var unknown = tokopedia.post("/partner/v1/otp", Map.of("cardNumber", "9500000000000000", "trainingId", "TR-001"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("CARD_NOT_FOUND");
        String notSold = null;
        for (var t : api.get("/api/v1/trainings?size=100").body().get("items")) {
            boolean sold = false;
            for (var p : t.get("platforms")) {
                sold |= p.asString().equals("tokopedia");
            }
            if (!sold) {
                notSold = t.get("id").asString();
            }
        }
        assertThat(tokopedia.post("/partner/v1/otp", Map.of("cardNumber", holder.cardNumber(), "trainingId", notSold)).code())
                .isEqualTo("TRAINING_NOT_SOLD_HERE");
        api.post("/sandbox/clock", Map.of("advance", "P31D"));
        ops.runJob("deadline-enforcement");
        assertThat(tokopedia.post("/partner/v1/otp", Map.of("cardNumber", holder.cardNumber(),
                "trainingId", anyTraining(tokopedia).get("id").asString())).code()).isEqualTo("CARD_NOT_ACTIVE");
    }

    @Test
    @DisplayName("partner bad input is 400 VALIDATION_FAILED naming the field, with no effect")
    void badInput() {
        long vouchers = db.sql("SELECT count(*) FROM voucher").query(Long.class).single();
        for (var body : List.of("{not json", "{\"cardNumber\": 123}", "{\"cardNumber\": \"12\", \"otpId\": \"x\"}",
                "{\"cardNumber\": \"" + "9".repeat(16) + "\", \"otpId\": \"" + UUID.randomUUID()
                        + "\", \"otp\": \"12345678\", \"trainingId\": \"TR-001\"}")) {
            var r = tokopedia.post("/partner/v1/purchases", body);
            assertThat(r.status()).as(body + " → " + r.raw()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.body().get("field")).isNotNull();
        }
        var missingKey = tokopedia.send("POST", "/partner/v1/otp", "{}", null,
                OffsetDateTime.now(ZoneOffset.UTC).toString(), secretOf("tokopedia"));
        assertThat(missingKey.body().get("field").asString()).isEqualTo("X-External-Id");
        assertThat(db.sql("SELECT count(*) FROM voucher").query(Long.class).single()).isEqualTo(vouchers);
    }

    String secretOf(String partner) {
        for (JsonNode p : api.get("/sandbox/partners").body()) {
            if (p.get("partnerId").asString().equals(partner)) {
                return p.get("secret").asString();
            }
        }
        throw new AssertionError(partner);
    }

    @Test
    @DisplayName("docs/api.md section 3 signatures: wrong secret, changed body or path, stale time, unknown partner, wrong role")
    void signatures() {
        var holder = holders.one();
        String body = Api.json(Map.of("cardNumber", holder.cardNumber(), "trainingId", anyTraining(tokopedia).get("id").asString()));
        String now = OffsetDateTime.now(ZoneOffset.ofHours(7)).toString();
        String secret = secretOf("tokopedia");
        long otps = db.sql("SELECT count(*) FROM otp_challenge").query(Long.class).single();

        expect(tokopedia.send("POST", "/partner/v1/otp", body, key(), now, "wrong-secret"), 401, "SIGNATURE_INVALID");
        String signature = org.prakerja.partner.Signatures.sign(secret,
                org.prakerja.partner.Signatures.canonical("POST", "/partner/v1/otp", body.getBytes(), now));
        expect(tokopedia.sendSigned("POST", "/partner/v1/otp", body.replace("TR", "TX"), key(), now, signature, "tokopedia"),
                401, "SIGNATURE_INVALID");
        expect(tokopedia.sendSigned("POST", "/partner/v1/purchases", body, key(), now, signature, "tokopedia"),
                401, "SIGNATURE_INVALID");
        expect(tokopedia.sendSigned("POST", "/partner/v1/otp", body, key(), now, signature, "no-such-partner"),
                401, "SIGNATURE_INVALID");
        String stale = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(6).toString();
        expect(tokopedia.send("POST", "/partner/v1/otp", body, key(), stale, secret), 401, "TIMESTAMP_OUT_OF_WINDOW");
        var institution = PartnerApi.seeded(api, port, "lp-cakap");
        expect(institution.post("/partner/v1/otp", body), 403, "WRONG_PARTNER_ROLE");
        expect(tokopedia.post("/partner/v1/redemptions", Map.of("voucherCode", "PK-00000-00000")), 403, "WRONG_PARTNER_ROLE");
        assertThat(db.sql("SELECT count(*) FROM otp_challenge").query(Long.class).single()).isEqualTo(otps);
        // and the right signature works
        assertThat(tokopedia.sendSigned("POST", "/partner/v1/otp", body, key(), now, signature, "tokopedia").status())
                .isEqualTo(201);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static void expect(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
    }
}
