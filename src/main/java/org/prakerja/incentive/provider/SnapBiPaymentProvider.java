package org.prakerja.incentive.provider;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.prakerja.common.Masking;
import org.prakerja.incentive.PaymentProvider;
import org.prakerja.incentive.PayoutProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payment provider over SNAP BI (Bank Indonesia's Standar Nasional Open API Pembayaran, API version 1.0 as
 * docs/operations.md "Payouts over SNAP BI" names it): a B2B access token (SHA256withRSA over
 * {@code clientKey|X-TIMESTAMP}) cached until shortly before it expires, each transaction signed with
 * HMAC-SHA512 over {@code METHOD:path:token:hex(sha256(minified body)):X-TIMESTAMP}.
 *
 * <ul>
 * <li>inquire: bank → external account inquiry (service 16); e-wallet → e-money account inquiry (37)
 * <li>pay: bank → interbank transfer (18); e-wallet → e-money top-up (38); partnerReferenceNo = the
 * transfer's reference
 * <li>status: bank → transfer status inquiry (36); e-wallet → top-up status inquiry (39)
 * </ul>
 * A transfer's answer is PAID only on a success code, REFUSED only on a 4xx the bank uses for a request it
 * did not carry out (400, 403, 404 but "transaction not found"), and UNKNOWN for everything else (time-out,
 * 5xx, 202 in progress, 409 duplicate, 401 after a fresh token, an answer not understood): money may have
 * moved, so the next run asks the status, never pays again.
 */
@Component
@ConditionalOnProperty(name = "prakerja.adapters.payment", havingValue = "snap-bi")
public class SnapBiPaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(SnapBiPaymentProvider.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    /** SNAP timestamps are the partner's local time; Jakarta's. */
    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);

    /** A service: its two-digit code and path. */
    record Service(String code, String path) {
        static final Service TOKEN = new Service("73", "/v1.0/access-token/b2b");
        static final Service ACCOUNT_INQUIRY = new Service("16", "/v1.0/account-inquiry-external");
        static final Service INTERBANK = new Service("18", "/v1.0/transfer-interbank");
        static final Service TRANSFER_STATUS = new Service("36", "/v1.0/transfer/status");
        static final Service EMONEY_INQUIRY = new Service("37", "/v1.0/emoney/account-inquiry");
        static final Service TOPUP = new Service("38", "/v1.0/emoney/topup");
        static final Service TOPUP_STATUS = new Service("39", "/v1.0/emoney/topup-status");
    }

    /** An answer: HTTP status, SNAP's seven-digit responseCode split, and the body. */
    record Answer(int http, String responseCode, JsonNode body) {
        String caseCode() {
            return responseCode.length() == 7 ? responseCode.substring(5) : "";
        }

        boolean success() {
            return http / 100 == 2 && responseCode.startsWith(String.valueOf(http)) && caseCode().equals("00")
                    && http == 200;
        }
    }

    private record Token(String value, Instant refreshAt) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http;
    private final URI baseUrl;
    private final String clientKey;
    private final String partnerId;
    private final String channelId;
    private final PrivateKey privateKey;
    private final byte[] clientSecret;
    private final String sourceAccount;
    private final Duration requestTimeout;
    private final Duration tokenMargin;
    private final Map<PayoutProvider, String> bankCodes;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile Token token;

    SnapBiPaymentProvider(@Value("${prakerja.payment.snap.base-url}") String baseUrl,
            @Value("${prakerja.payment.snap.client-key}") String clientKey,
            @Value("${prakerja.payment.snap.partner-id:}") String partnerId,
            @Value("${prakerja.payment.snap.channel-id:95221}") String channelId,
            @Value("${prakerja.payment.snap.private-key}") String privateKeyPath,
            @Value("${prakerja.payment.snap.client-secret}") String clientSecret,
            @Value("${prakerja.payment.snap.source-account}") String sourceAccount,
            @Value("${prakerja.payment.snap.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${prakerja.payment.snap.request-timeout:PT30S}") Duration requestTimeout,
            @Value("${prakerja.payment.snap.token-margin:PT60S}") Duration tokenMargin,
            @Value("${prakerja.payment.snap.bank-code.bni:009}") String bni,
            @Value("${prakerja.payment.snap.bank-code.bca:014}") String bca,
            Clock clock, MeterRegistry meters) {
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.clientKey = clientKey;
        this.partnerId = partnerId.isBlank() ? clientKey : partnerId;
        this.channelId = channelId;
        this.privateKey = readPrivateKey(Path.of(privateKeyPath));
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.sourceAccount = sourceAccount;
        this.requestTimeout = requestTimeout;
        this.tokenMargin = tokenMargin;
        this.bankCodes = Map.of(PayoutProvider.BNI, bni, PayoutProvider.BCA, bca);
        this.clock = clock;
        this.meters = meters;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    /** A PKCS#8 PEM RSA key ({@code -----BEGIN PRIVATE KEY-----}); read once, at the start. */
    static PrivateKey readPrivateKey(Path pem) {
        try {
            String text = Files.readString(pem);
            String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("prakerja.payment.snap.private-key: not a readable PKCS#8 PEM RSA key: " + pem,
                    e);
        }
    }

    @Override
    public Inquiry inquire(PayoutProvider provider, String accountNumber) {
        ObjectNode body = json.createObjectNode();
        Service service;
        if (provider.eWallet()) {
            service = Service.EMONEY_INQUIRY;
            body.put("partnerReferenceNo", externalId());
            body.put("customerNumber", customerNumber(accountNumber));
            amount(body.putObject("amount"), BigDecimal.ONE);
            body.putObject("additionalInfo").put("beneficiaryProvider", provider.name());
        } else {
            service = Service.ACCOUNT_INQUIRY;
            body.put("partnerReferenceNo", externalId());
            body.put("beneficiaryBankCode", bankCodes.get(provider));
            body.put("beneficiaryAccountNo", accountNumber);
        }
        Answer a = timed("inquiry", () -> call(service, body));
        if (a.success()) {
            JsonNode name = a.body().path(provider.eWallet() ? "customerName" : "beneficiaryAccountName");
            if (!name.isMissingNode() && !name.asString().isBlank()) {
                return new Inquiry.Holder(name.asString());
            }
        }
        if (a.http() == 404 && a.caseCode().equals("11")) {
            return new Inquiry.NotFound();
        }
        log.warn("snap account inquiry not answered provider={} account={} responseCode={}", provider,
                Masking.lastFour(accountNumber), a.responseCode());
        throw new IllegalStateException("SNAP account inquiry answered " + a.http() + " " + a.responseCode());
    }

    @Override
    public PayoutResult pay(Transfer transfer) {
        ObjectNode body = json.createObjectNode();
        body.put("partnerReferenceNo", transfer.reference().toString().replace("-", ""));
        amount(body.putObject("amount"), BigDecimal.valueOf(transfer.amount().amount()));
        String now = timestamp();
        Service service;
        if (transfer.provider().eWallet()) {
            service = Service.TOPUP;
            body.put("customerNumber", customerNumber(transfer.accountNumber()));
            if (transfer.holderName() != null) {
                body.put("customerName", transfer.holderName());
            }
            body.put("transactionDate", now);
            body.putObject("additionalInfo").put("beneficiaryProvider", transfer.provider().name())
                    .put("payoutId", transfer.payoutId().toString());
        } else {
            service = Service.INTERBANK;
            body.put("beneficiaryAccountName", transfer.holderName() == null ? "" : transfer.holderName());
            body.put("beneficiaryAccountNo", transfer.accountNumber());
            body.put("beneficiaryBankCode", bankCodes.get(transfer.provider()));
            body.put("sourceAccountNo", sourceAccount);
            body.put("transactionDate", now);
            body.putObject("additionalInfo").put("payoutId", transfer.payoutId().toString());
        }
        PayoutResult result;
        try {
            Answer a = timed("transfer", () -> call(service, body));
            result = transferResult(a);
            if (!(result instanceof PayoutResult.Paid)) {
                log.warn("snap transfer not paid payout={} responseCode={} result={}", transfer.payoutId(),
                        a.responseCode(), result);
            }
        } catch (RuntimeException e) {
            log.warn("snap transfer without answer payout={} error={}", transfer.payoutId(), e.getClass().getSimpleName());
            result = new PayoutResult.Unknown();
        }
        Counter.builder("prakerja.payouts").description("Payouts sent to the payment provider, by its answer")
                .tag("outcome", switch (result) {
                    case PayoutResult.Paid p -> "paid";
                    case PayoutResult.Refused r -> "refused";
                    default -> "unknown";
                }).register(meters).increment();
        return result;
    }

    /** The mapping of a transfer's answer (docs/operations.md "Payouts over SNAP BI"). */
    PayoutResult transferResult(Answer a) {
        if (a.success()) {
            return new PayoutResult.Paid(clock.instant());
        }
        return switch (a.http()) {
            case 400, 403, 404 -> a.http() == 404 && a.caseCode().equals("01") ? new PayoutResult.Unknown()
                    : new PayoutResult.Refused(reason(a));
            default -> new PayoutResult.Unknown();
        };
    }

    private static String reason(Answer a) {
        return switch (a.http() + "/" + a.caseCode()) {
            case "403/14" -> "INSUFFICIENT_FUNDS";
            case "404/11" -> "INVALID_ACCOUNT";
            case "403/18", "403/09" -> "INACTIVE_ACCOUNT";
            default -> "ACCOUNT_REJECTED";
        };
    }

    @Override
    public PayoutResult status(Transfer transfer) {
        ObjectNode body = json.createObjectNode();
        body.put("originalPartnerReferenceNo", transfer.reference().toString().replace("-", ""));
        Service service = transfer.provider().eWallet() ? Service.TOPUP_STATUS : Service.TRANSFER_STATUS;
        body.put("serviceCode", transfer.provider().eWallet() ? Service.TOPUP.code() : Service.INTERBANK.code());
        Answer a = timed("status", () -> call(service, body));
        if (a.success()) {
            String latest = a.body().path("latestTransactionStatus").asString("");
            return switch (latest) {
                case "00" -> new PayoutResult.Paid(clock.instant());
                case "01", "02", "03" -> new PayoutResult.Pending();
                case "04", "05", "06" -> new PayoutResult.Refused("TRANSFER_FAILED");
                case "07" -> new PayoutResult.Unknown();
                default -> new PayoutResult.Pending();
            };
        }
        if (a.http() == 404 && a.caseCode().equals("01")) {
            return new PayoutResult.Unknown();
        }
        log.warn("snap status inquiry not answered payout={} responseCode={}", transfer.payoutId(), a.responseCode());
        return new PayoutResult.Pending();
    }

    /** Health: whether a token can be obtained (the cached one counts while it is valid). */
    void checkToken() {
        token(false);
    }

    /** A signed transaction request; a 401 answer to the token fetches a new one and tries once more. */
    private Answer call(Service service, ObjectNode body) {
        Answer a = send(service, body, token(false));
        if (a.http() == 401) {
            a = send(service, body, token(true));
        }
        return a;
    }

    private Answer send(Service service, ObjectNode body, String accessToken) {
        String minified = json.writeValueAsString(body);
        String ts = timestamp();
        URI uri = URI.create(baseUrl + service.path());
        String toSign = "POST:" + uri.getRawPath() + ":" + accessToken + ":"
                + HexFormat.of().formatHex(sha256(minified)) + ":" + ts;
        var request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + accessToken)
                .header("X-TIMESTAMP", ts)
                .header("X-SIGNATURE", Base64.getEncoder().encodeToString(hmacSha512(toSign)))
                .header("X-PARTNER-ID", partnerId)
                .header("X-EXTERNAL-ID", externalId())
                .header("CHANNEL-ID", channelId)
                .POST(HttpRequest.BodyPublishers.ofString(minified)).build();
        return exchange(request);
    }

    private String token(boolean renew) {
        Token t = token;
        if (!renew && t != null && clock.instant().isBefore(t.refreshAt())) {
            return t.value();
        }
        synchronized (this) {
            if (token != t && token != null && clock.instant().isBefore(token.refreshAt())) {
                return token.value();
            }
            String ts = timestamp();
            var request = HttpRequest.newBuilder(URI.create(baseUrl + Service.TOKEN.path())).timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("X-TIMESTAMP", ts)
                    .header("X-CLIENT-KEY", clientKey)
                    .header("X-SIGNATURE", Base64.getEncoder().encodeToString(rsa(clientKey + "|" + ts)))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"grantType\":\"client_credentials\"}")).build();
            Answer a = timed("token", () -> exchange(request));
            String value = a.body().path("accessToken").asString("");
            if (!a.success() || value.isBlank()) {
                throw new IllegalStateException("SNAP access token refused: " + a.http() + " " + a.responseCode());
            }
            long seconds = Long.parseLong(a.body().path("expiresIn").asString("900").trim());
            token = new Token(value, clock.instant().plusSeconds(seconds).minus(tokenMargin));
            return value;
        }
    }

    private Answer exchange(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
            } catch (RuntimeException notJson) {
                body = json.createObjectNode();
            }
            return new Answer(response.statusCode(), body.path("responseCode").asString(""), body);
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException("SNAP request timed out", e);
        } catch (IOException e) {
            throw new IllegalStateException("SNAP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private <T extends Answer> Answer timed(String operation, java.util.function.Supplier<T> call) {
        long t0 = System.nanoTime();
        String outcome = "error";
        try {
            Answer a = call.get();
            outcome = a.success() ? "success" : a.http() / 100 == 4 ? "refused" : "error";
            return a;
        } finally {
            Timer.builder("prakerja.payment.provider.latency").description("SNAP BI requests, by operation and outcome")
                    .tag("operation", operation).tag("outcome", outcome).register(meters)
                    .record(Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    private static void amount(ObjectNode amount, BigDecimal rupiah) {
        amount.put("value", rupiah.setScale(2).toPlainString());
        amount.put("currency", "IDR");
    }

    /** An e-wallet's customer number: the phone as stored (+62…) without its plus, as SNAP e-money samples write it. */
    static String customerNumber(String phone) {
        return phone.startsWith("+") ? phone.substring(1) : phone;
    }

    /**
     * X-EXTERNAL-ID: numeric, at most 36 digits, unique per day; 32 random digits make a repeat among a day's
     * requests vanishingly unlikely without any shared counter between instances.
     */
    static String externalId() {
        var r = ThreadLocalRandom.current();
        return String.format("%016d%016d", r.nextLong(10_000_000_000_000_000L), r.nextLong(10_000_000_000_000_000L));
    }

    private String timestamp() {
        return OffsetDateTime.ofInstant(clock.instant(), WIB).format(TIMESTAMP);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] hmacSha512(String s) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(clientSecret, "HmacSHA512"));
            return mac.doFinal(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] rsa(String s) {
        try {
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initSign(privateKey);
            sig.update(s.getBytes(StandardCharsets.UTF_8));
            return sig.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
