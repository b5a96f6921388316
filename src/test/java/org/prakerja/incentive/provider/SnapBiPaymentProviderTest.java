package org.prakerja.incentive.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prakerja.common.Rupiah;
import org.prakerja.incentive.PaymentProvider.Inquiry;
import org.prakerja.incentive.PaymentProvider.PayoutResult;
import org.prakerja.incentive.PaymentProvider.Transfer;
import org.prakerja.incentive.PayoutProvider;
import org.prakerja.simulator.snap.SnapSimulator;
import org.prakerja.simulator.snap.SnapSimulator.Behaviour;
import org.prakerja.simulator.snap.SnapSimulatorMain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19: the SNAP BI adapter against the SNAP simulator over real HTTP: signatures, token caching and
 * expiry, X-EXTERNAL-ID reuse, and each answer's mapping to PAID, REFUSED or UNKNOWN (settled by status).
 */
class SnapBiPaymentProviderTest {

    static KeyPair keys;
    static KeyPair otherKeys;
    @TempDir
    static Path dir;

    SnapSimulator sim;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void keys() throws Exception {
        keys = SnapSimulatorMain.generate();
        otherKeys = SnapSimulatorMain.generate();
        Files.writeString(dir.resolve("private.pem"), SnapSimulatorMain.pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("other.pem"), SnapSimulatorMain.pem("PRIVATE KEY", otherKeys.getPrivate().getEncoded()));
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    SnapBiPaymentProvider adapter(String key, String secret, Duration requestTimeout) {
        return new SnapBiPaymentProvider(sim.baseUrl(), "prakerja-test", "", "95221", dir.resolve(key).toString(), secret,
                "1234567890", Duration.ofSeconds(2), requestTimeout, Duration.ZERO, "009", "014", Clock.systemUTC(), meters);
    }

    SnapBiPaymentProvider adapter() {
        return adapter("private.pem", "test-secret", Duration.ofSeconds(2));
    }

    void start(Duration tokenLifetime) throws Exception {
        sim = new SnapSimulator(0, "prakerja-test", keys.getPublic(), "test-secret", tokenLifetime);
    }

    static Transfer transfer(PayoutProvider provider, String account) {
        return new Transfer(UUID.randomUUID(), UUID.randomUUID(), provider, account, "BUDI SANTOSO", Rupiah.of(600_000));
    }

    @Test
    @DisplayName("R-97 Paid over interbank transfer and e-money top-up; the token is fetched once and reused; inquiries "
            + "name the holder or say not found")
    void paysAndCachesToken() throws Exception {
        start(Duration.ofMinutes(15));
        var snap = adapter();
        sim.list("1234509876", "BUDI SANTOSO");
        sim.list("6281234567890", "SITI AMINAH");
        assertThat(snap.inquire(PayoutProvider.BCA, "1234509876")).isEqualTo(new Inquiry.Holder("BUDI SANTOSO"));
        assertThat(snap.inquire(PayoutProvider.OVO, "+6281234567890")).isEqualTo(new Inquiry.Holder("SITI AMINAH"));
        assertThat(snap.inquire(PayoutProvider.BNI, "9999999999")).isEqualTo(new Inquiry.NotFound());
        var bank = transfer(PayoutProvider.BCA, "1234509876");
        assertThat(snap.pay(bank)).isInstanceOf(PayoutResult.Paid.class);
        var wallet = transfer(PayoutProvider.OVO, "+6281234567890");
        assertThat(snap.pay(wallet)).isInstanceOf(PayoutResult.Paid.class);
        assertThat(snap.status(bank)).isInstanceOf(PayoutResult.Paid.class);
        assertThat(snap.status(wallet)).isInstanceOf(PayoutResult.Paid.class);
        // the same reference again: 409 duplicate, not paid again, and the answer is settled by status
        assertThat(snap.pay(bank)).isInstanceOf(PayoutResult.Unknown.class);
        assertThat(snap.status(bank)).isInstanceOf(PayoutResult.Paid.class);
        assertThat(sim.paymentsOf(bank.payoutId().toString())).isEqualTo(1);
        assertThat(sim.tokensIssued()).isEqualTo(1);
        assertThat(meters.counter("prakerja.payouts", "outcome", "paid").count()).isEqualTo(2);
        assertThat(meters.timer("prakerja.payment.provider.latency", "operation", "transfer", "outcome", "success")
                .count()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-97 An expired token is fetched again; a token the bank revoked (401) is fetched again once")
    void tokenExpiresAndIsRenewed() throws Exception {
        start(Duration.ofSeconds(1));
        var snap = adapter();
        sim.list("1234509876", "BUDI SANTOSO");
        assertThat(snap.pay(transfer(PayoutProvider.BCA, "1234509876"))).isInstanceOf(PayoutResult.Paid.class);
        Thread.sleep(1100);
        assertThat(snap.pay(transfer(PayoutProvider.BCA, "1234509876"))).isInstanceOf(PayoutResult.Paid.class);
        assertThat(sim.tokensIssued()).isEqualTo(2);
        sim.close();
        sim = null;
        start(Duration.ofMinutes(15));
        var cached = adapter();
        cached.checkToken();
        sim.revokeTokens();
        assertThat(cached.pay(transfer(PayoutProvider.BCA, "1234509876"))).isInstanceOf(PayoutResult.Paid.class);
        assertThat(sim.tokensIssued()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-97 A wrong private key gets no token (4017300); a wrong client secret is refused (401xx00): a transfer "
            + "is then UNKNOWN, never refused, and nothing is paid")
    void signaturesChecked() throws Exception {
        start(Duration.ofMinutes(15));
        var wrongKey = adapter("other.pem", "test-secret", Duration.ofSeconds(2));
        assertThatThrownBy(wrongKey::checkToken).hasMessageContaining("4017300");
        var wrongSecret = adapter("private.pem", "not-the-secret", Duration.ofSeconds(2));
        var t = transfer(PayoutProvider.BCA, "1234509876");
        assertThat(wrongSecret.pay(t)).isInstanceOf(PayoutResult.Unknown.class);
        assertThat(sim.payments()).isZero();
        assertThat(meters.timer("prakerja.payment.provider.latency", "operation", "transfer", "outcome", "refused")
                .count()).isEqualTo(1);
        assertThat(sim.tokensIssued()).as("a fresh token tried once after the 401").isEqualTo(2);
        // the adapter with the right keys: the reference was never received, the status says so
        assertThat(adapter().status(t)).isInstanceOf(PayoutResult.Unknown.class);
    }

    @Test
    @DisplayName("R-97 An X-EXTERNAL-ID used twice the same day is refused 409")
    void externalIdReused() throws Exception {
        start(Duration.ofMinutes(15));
        var client = HttpClient.newHttpClient();
        var json = JsonMapper.builder().build();
        String ts = OffsetDateTime.now(ZoneOffset.ofHours(7)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
        var rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(("prakerja-test|" + ts).getBytes(StandardCharsets.UTF_8));
        var tokenAnswer = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v1.0/access-token/b2b"))
                .header("X-TIMESTAMP", ts).header("X-CLIENT-KEY", "prakerja-test")
                .header("X-SIGNATURE", Base64.getEncoder().encodeToString(rsa.sign()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"grantType\":\"client_credentials\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String token = json.readTree(tokenAnswer.body()).path("accessToken").asString();
        String body = "{\"beneficiaryBankCode\":\"014\",\"beneficiaryAccountNo\":\"1234509876\"}";
        String path = "/v1.0/account-inquiry-external";
        String toSign = "POST:" + path + ":" + token + ":"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)))
                + ":" + ts;
        var mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec("test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        sim.list("1234509876", "BUDI SANTOSO");
        String[] codes = new String[2];
        for (int i = 0; i < 2; i++) {
            var r = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                    .header("Authorization", "Bearer " + token).header("X-TIMESTAMP", ts).header("X-SIGNATURE", signature)
                    .header("X-PARTNER-ID", "prakerja-test").header("X-EXTERNAL-ID", "123456789012345678")
                    .header("CHANNEL-ID", "95221").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            codes[i] = r.statusCode() + " " + json.readTree(r.body()).path("responseCode").asString();
        }
        assertThat(codes).containsExactly("200 2001600", "409 4091600");
    }

    @Test
    @DisplayName("R-97 Insufficient funds and an invalid account are REFUSED with their reasons; a new reference may be "
            + "sent after a refusal")
    void refusals() throws Exception {
        start(Duration.ofMinutes(15));
        var snap = adapter();
        sim.behave("1234509876", Behaviour.INSUFFICIENT_FUNDS, 1);
        sim.behave("+6281234567890".substring(1), Behaviour.INVALID_ACCOUNT, 1);
        assertThat(snap.pay(transfer(PayoutProvider.BCA, "1234509876")))
                .isEqualTo(new PayoutResult.Refused("INSUFFICIENT_FUNDS"));
        assertThat(snap.pay(transfer(PayoutProvider.DANA, "+6281234567890")))
                .isEqualTo(new PayoutResult.Refused("INVALID_ACCOUNT"));
        assertThat(snap.pay(transfer(PayoutProvider.BCA, "1234509876"))).isInstanceOf(PayoutResult.Paid.class);
        assertThat(sim.payments()).isEqualTo(1);
        assertThat(meters.counter("prakerja.payouts", "outcome", "refused").count()).isEqualTo(2);
    }

    @Test
    @DisplayName("R-97 UNKNOWN on a time-out (paid: the status says PAID), on a 5xx (never received: status UNKNOWN) and "
            + "in progress (status PENDING, then PAID)")
    void unknownSettledByStatus() throws Exception {
        start(Duration.ofMinutes(15));
        var snap = adapter("private.pem", "test-secret", Duration.ofMillis(500));
        sim.slowAnswer(Duration.ofMillis(1500));
        sim.behave("1111111111", Behaviour.TIMEOUT, 1);
        sim.behave("2222222222", Behaviour.SERVER_ERROR, 1);
        sim.behave("3333333333", Behaviour.PENDING, 1);
        var timedOut = transfer(PayoutProvider.BNI, "1111111111");
        var failed = transfer(PayoutProvider.BNI, "2222222222");
        var pending = transfer(PayoutProvider.BNI, "3333333333");
        assertThat(snap.pay(timedOut)).isInstanceOf(PayoutResult.Unknown.class);
        assertThat(snap.pay(failed)).isInstanceOf(PayoutResult.Unknown.class);
        assertThat(snap.pay(pending)).isInstanceOf(PayoutResult.Unknown.class);
        assertThat(snap.status(timedOut)).isInstanceOf(PayoutResult.Paid.class);
        assertThat(snap.status(failed)).isInstanceOf(PayoutResult.Unknown.class);
        assertThat(snap.status(pending)).isInstanceOf(PayoutResult.Pending.class);
        sim.completePending();
        assertThat(snap.status(pending)).isInstanceOf(PayoutResult.Paid.class);
        // the never-received one is sent again under its reference, and paid once
        assertThat(snap.pay(failed)).isInstanceOf(PayoutResult.Paid.class);
        assertThat(sim.payments()).isEqualTo(3);
        assertThat(meters.counter("prakerja.payouts", "outcome", "unknown").count()).isEqualTo(3);
    }
}
