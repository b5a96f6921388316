package org.prakerja.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.prakerja.notification.OutboxRelay;
import tools.jackson.databind.JsonNode;

/**
 * A card holder's training over HTTP, as the partners and the participant do it: an OTP and a
 * purchase on a platform, redemption, pre-test and completion at the institution, the review.
 */
public final class Trainee {

    private static final Pattern OTP = Pattern.compile("kode OTP (\\d{6})");

    private final Api api;
    private final int port;
    private final OutboxRelay relay;

    public Trainee(Api api, int port, OutboxRelay relay) {
        this.api = api;
        this.port = port;
        this.relay = relay;
    }

    /** Buys the platform's {@code index}-th training, then trains, completes and reviews it; its voucher code. */
    public String trainAndReview(CardHolders.Holder holder, int index) {
        String code = completed(holder, index);
        var review = api.post("/api/v1/me/vouchers/" + code + "/review", Map.of("rating", 5, "text", "Bermanfaat"),
                holder.token());
        assertThat(review.status()).as(review.raw()).isEqualTo(201);
        return code;
    }

    /** Bought, redeemed, pre-tested and completed with a certificate, not yet reviewed. */
    public String completed(CardHolders.Holder holder, int index) {
        var platform = PartnerApi.seeded(api, port, "tokopedia");
        JsonNode training = cheap(platform, index);
        String trainingId = training.get("id").asString();
        var otp = platform.post("/partner/v1/otp", Map.of("cardNumber", holder.cardNumber(), "trainingId", trainingId));
        assertThat(otp.status()).as(otp.raw()).isEqualTo(201);
        relay.relayAll();
        var sms = api.get("/sandbox/inbox?to=" + holder.participant().who().phone().replace("+", "%2B")).body().get(0);
        var m = OTP.matcher(sms.get("body").asString());
        assertThat(m.find()).isTrue();
        var bought = platform.post("/partner/v1/purchases", Map.of("cardNumber", holder.cardNumber(),
                "otpId", otp.body().get("otpId").asString(), "otp", m.group(1), "trainingId", trainingId),
                UUID.randomUUID().toString());
        assertThat(bought.status()).as(bought.raw()).isEqualTo(201);
        String code = bought.body().get("voucherCode").asString();
        var lp = PartnerApi.seeded(api, port, training.get("institution").get("id").asString());
        assertThat(lp.post("/partner/v1/redemptions", Map.of("voucherCode", code)).status()).isEqualTo(201);
        assertThat(lp.post("/partner/v1/vouchers/" + code + "/pretest", Map.of("score", 40)).status()).isEqualTo(200);
        String certificate = "CERT-" + UUID.randomUUID();
        var done = lp.post("/partner/v1/vouchers/" + code + "/completion", Map.of("postTestScore", 35,
                "certificateNumber", certificate, "certificateUrl", "https://lp.example.id/sertifikat/" + certificate,
                "issuedAt", OffsetDateTime.now(ZoneOffset.ofHours(7)).toString()));
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        return code;
    }

    /** The platform's cheaper trainings, so two fit in the smallest balance. */
    private static JsonNode cheap(PartnerApi platform, int index) {
        var cheap = new java.util.ArrayList<JsonNode>();
        platform.get("/partner/v1/trainings").body().get("items").forEach(t -> {
            if (t.get("price").asLong() <= 400_000) {
                cheap.add(t);
            }
        });
        assertThat(cheap).hasSizeGreaterThan(index);
        return cheap.get(index);
    }
}
