package org.prakerja.simulator.snap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bank speaking SNAP BI (API v1.0) over real HTTP, for tests and staging: it checks the B2B token's RSA
 * signature with the partner's public key and each transaction's HMAC-SHA512 with the client secret, refuses
 * an X-EXTERNAL-ID used before the same day and a token past its lifetime, and keeps books by
 * partnerReferenceNo (a reference seen before is answered 409 duplicate, never paid again). Per account
 * number it can behave: {@link Behaviour}.
 */
public final class SnapSimulator implements AutoCloseable {

    /** What a transfer to an account meets, for the next {@code times} transfers. */
    public enum Behaviour {
        /** 202 in progress; the status says pending (03) until {@link #completePending}. */
        PENDING,
        /** pays, then answers only after {@code slowAnswer} (past the client's time-out). */
        TIMEOUT,
        /** 403xx14 insufficient funds; not paid. */
        INSUFFICIENT_FUNDS,
        /** 404xx11 invalid account; not paid. */
        INVALID_ACCOUNT,
        /** 500xx01 before doing anything: not paid, the status says not found. */
        SERVER_ERROR
    }

    /** One transaction, by partnerReferenceNo. */
    public record Transaction(String reference, String payoutId, String account, String amount, String status) {
    }

    private record Failure(Behaviour behaviour, int remaining) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final String clientKey;
    private final PublicKey publicKey;
    private final byte[] secret;
    private final Duration tokenLifetime;
    private volatile Duration slowAnswer = Duration.ofSeconds(3);
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Set<String> externalIds = ConcurrentHashMap.newKeySet();
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> paymentsByPayout = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, String> directory = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicLong payments = new AtomicLong();
    private final AtomicInteger behavioursMet = new AtomicInteger();
    private volatile boolean everyoneKnown;
    private volatile java.util.function.Function<String, String> names = account -> null;
    private volatile LocalDate day = LocalDate.now(ZoneOffset.ofHours(7));

    public SnapSimulator(int port, String clientKey, PublicKey publicKey, String clientSecret, Duration tokenLifetime)
            throws IOException {
        this.clientKey = clientKey;
        this.publicKey = publicKey;
        this.secret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.tokenLifetime = tokenLifetime;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- what tests set and read

    /** {@code behaviour} null or {@code times} 0: the account behaves again. */
    public void behave(String account, Behaviour behaviour, int times) {
        if (behaviour == null || times <= 0) {
            failures.remove(account);
        } else {
            failures.put(account, new Failure(behaviour, times));
        }
    }

    public void slowAnswer(Duration d) {
        slowAnswer = d;
    }

    /** An account's holder as its inquiries answer (bank account or e-wallet customer number). */
    public void list(String account, String holder) {
        directory.put(account, holder);
    }

    /** Account inquiries answer every number not listed: held by "PESERTA". */
    public void knowEveryone(boolean on) {
        everyoneKnown = on;
    }

    /** Holders of numbers not listed, looked up (null: unknown); a test's participants, say. */
    public void names(java.util.function.Function<String, String> lookup) {
        names = lookup;
    }

    /** Pending transactions become paid. */
    public void completePending() {
        transactions.replaceAll((k, t) -> {
            if (t.status().equals("03")) {
                paid(t.payoutId());
                return new Transaction(t.reference(), t.payoutId(), t.account(), t.amount(), "00");
            }
            return t;
        });
    }

    /** Every token issued so far becomes invalid (as after a bank's key rotation). */
    public void revokeTokens() {
        tokens.clear();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** How many transfers met a behaviour set by {@link #behave}. */
    public int behavioursMet() {
        return behavioursMet.get();
    }

    public long payments() {
        return payments.get();
    }

    /** How many times a payout (additionalInfo.payoutId) was paid: at most once, whatever the references. */
    public int paymentsOf(String payoutId) {
        var n = paymentsByPayout.get(payoutId);
        return n == null ? 0 : n.get();
    }

    public Map<String, AtomicInteger> paymentsByPayout() {
        return paymentsByPayout;
    }

    public Map<String, Transaction> transactions() {
        return transactions;
    }

    // ---- the protocol

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!ex.getRequestMethod().equals("POST")) {
                answer(ex, 405, "4050000", "Method Not Allowed", null);
                return;
            }
            if (path.equals("/v1.0/access-token/b2b")) {
                token(ex);
                return;
            }
            String service = switch (path) {
                case "/v1.0/account-inquiry-external" -> "16";
                case "/v1.0/transfer-interbank" -> "18";
                case "/v1.0/transfer/status" -> "36";
                case "/v1.0/emoney/account-inquiry" -> "37";
                case "/v1.0/emoney/topup" -> "38";
                case "/v1.0/emoney/topup-status" -> "39";
                default -> null;
            };
            if (service == null) {
                answer(ex, 404, "4040000", "Not Found", null);
                return;
            }
            if (!authorised(ex, service, path, body)) {
                return;
            }
            JsonNode request = json.readTree(body);
            switch (service) {
                case "16", "37" -> inquiry(ex, service, request);
                case "18", "38" -> transfer(ex, service, request);
                default -> status(ex, service, request);
            }
        } catch (RuntimeException e) {
            answer(ex, 500, "5000001", "Internal Server Error", null);
        }
    }

    private void token(HttpExchange ex) throws IOException {
        String key = header(ex, "X-CLIENT-KEY");
        String ts = header(ex, "X-TIMESTAMP");
        String sig = header(ex, "X-SIGNATURE");
        if (!clientKey.equals(key) || ts.isEmpty() || !rsaValid(key + "|" + ts, sig)) {
            answer(ex, 401, "4017300", "Unauthorized. [Signature]", null);
            return;
        }
        String token = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, Instant.now().plus(tokenLifetime));
        tokensIssued.incrementAndGet();
        ObjectNode out = json.createObjectNode();
        out.put("accessToken", token).put("tokenType", "Bearer")
                .put("expiresIn", String.valueOf(Math.max(1, tokenLifetime.toSeconds())));
        answer(ex, 200, "2007300", "Successful", out);
    }

    private boolean authorised(HttpExchange ex, String service, String path, String body) throws IOException {
        String auth = header(ex, "Authorization");
        String token = auth.startsWith("Bearer ") ? auth.substring(7) : "";
        Instant expires = tokens.get(token);
        if (expires == null || Instant.now().isAfter(expires)) {
            answer(ex, 401, "401" + service + "01", "Invalid Token (B2B)", null);
            return false;
        }
        String ts = header(ex, "X-TIMESTAMP");
        String toSign = "POST:" + path + ":" + token + ":" + HexFormat.of().formatHex(sha256(minify(body))) + ":" + ts;
        if (ts.isEmpty() || !hmacValid(toSign, header(ex, "X-SIGNATURE"))) {
            answer(ex, 401, "401" + service + "00", "Unauthorized. [Signature]", null);
            return false;
        }
        if (!clientKey.equals(header(ex, "X-PARTNER-ID")) || header(ex, "CHANNEL-ID").isEmpty()) {
            answer(ex, 401, "401" + service + "00", "Unauthorized. [Unknown client]", null);
            return false;
        }
        String externalId = header(ex, "X-EXTERNAL-ID");
        if (!externalId.matches("^[0-9]{1,36}$")) {
            answer(ex, 400, "400" + service + "01", "Invalid Field Format [X-EXTERNAL-ID]", null);
            return false;
        }
        var today = LocalDate.now(ZoneOffset.ofHours(7));
        if (!today.equals(day)) {
            day = today;
            externalIds.clear();
        }
        if (!externalIds.add(externalId)) {
            answer(ex, 409, "409" + service + "00", "Conflict", null);
            return false;
        }
        return true;
    }

    private void inquiry(HttpExchange ex, String service, JsonNode request) throws IOException {
        String account = service.equals("16") ? request.path("beneficiaryAccountNo").asString("")
                : request.path("customerNumber").asString("");
        String name = directory.get(account);
        if (name == null) {
            name = names.apply(account);
        }
        if (name == null && everyoneKnown) {
            name = "PESERTA";
        }
        if (name == null) {
            answer(ex, 404, "404" + service + "11", "Invalid Account", null);
            return;
        }
        ObjectNode out = json.createObjectNode();
        if (service.equals("16")) {
            out.put("beneficiaryAccountNo", account).put("beneficiaryAccountName", name);
        } else {
            out.put("customerNumber", account).put("customerName", name);
        }
        answer(ex, 200, "200" + service + "00", "Successful", out);
    }

    private void transfer(HttpExchange ex, String service, JsonNode request) throws IOException {
        String reference = request.path("partnerReferenceNo").asString("");
        String account = service.equals("18") ? request.path("beneficiaryAccountNo").asString("")
                : request.path("customerNumber").asString("");
        String amount = request.path("amount").path("value").asString("");
        String payoutId = request.path("additionalInfo").path("payoutId").asString(reference);
        if (reference.isEmpty() || account.isEmpty() || !amount.matches("^[0-9]+\\.[0-9]{2}$")) {
            answer(ex, 400, "400" + service + "02", "Invalid Mandatory Field", null);
            return;
        }
        Behaviour behaviour = take(account);
        if (behaviour == Behaviour.SERVER_ERROR) {
            answer(ex, 500, "500" + service + "01", "Internal Server Error", null);
            return;
        }
        String status = switch (behaviour) {
            case null -> "00";
            case PENDING -> "03";
            case INSUFFICIENT_FUNDS, INVALID_ACCOUNT -> "06";
            default -> "00";
        };
        var created = new Transaction(reference, payoutId, account, amount, status);
        if (transactions.putIfAbsent(reference, created) != null) {
            answer(ex, 409, "409" + service + "01", "Duplicate partnerReferenceNo", null);
            return;
        }
        if (status.equals("00")) {
            paid(payoutId);
        }
        ObjectNode out = json.createObjectNode();
        out.put("partnerReferenceNo", reference).put("referenceNo", UUID.randomUUID().toString().replace("-", ""));
        out.putObject("amount").put("value", amount).put("currency", "IDR");
        switch (behaviour) {
            case null -> answer(ex, 200, "200" + service + "00", "Successful", out);
            case PENDING -> answer(ex, 202, "202" + service + "00", "Request In Progress", out);
            case INSUFFICIENT_FUNDS -> answer(ex, 403, "403" + service + "14", "Insufficient Funds", null);
            case INVALID_ACCOUNT -> answer(ex, 404, "404" + service + "11", "Invalid Account", null);
            case TIMEOUT -> {
                try {
                    Thread.sleep(slowAnswer);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(ex, 200, "200" + service + "00", "Successful", out);
            }
            default -> answer(ex, 200, "200" + service + "00", "Successful", out);
        }
    }

    private void status(HttpExchange ex, String service, JsonNode request) throws IOException {
        var t = transactions.get(request.path("originalPartnerReferenceNo").asString(""));
        if (t == null) {
            answer(ex, 404, "404" + service + "01", "Transaction Not Found", null);
            return;
        }
        ObjectNode out = json.createObjectNode();
        out.put("originalPartnerReferenceNo", t.reference()).put("serviceCode", request.path("serviceCode").asString(""))
                .put("latestTransactionStatus", t.status()).put("transactionStatusDesc", switch (t.status()) {
                    case "00" -> "Success";
                    case "03" -> "Pending";
                    default -> "Failed";
                });
        out.putObject("amount").put("value", t.amount()).put("currency", "IDR");
        answer(ex, 200, "200" + service + "00", "Successful", out);
    }

    private void paid(String payoutId) {
        payments.incrementAndGet();
        paymentsByPayout.computeIfAbsent(payoutId, k -> new AtomicInteger()).incrementAndGet();
    }

    private Behaviour take(String account) {
        var holder = new Behaviour[1];
        failures.computeIfPresent(account, (k, f) -> {
            holder[0] = f.behaviour();
            return f.remaining() <= 1 ? null : new Failure(f.behaviour(), f.remaining() - 1);
        });
        if (holder[0] != null) {
            behavioursMet.incrementAndGet();
        }
        return holder[0];
    }

    private void answer(HttpExchange ex, int status, String code, String message, ObjectNode extra) throws IOException {
        ObjectNode out = json.createObjectNode();
        out.put("responseCode", code).put("responseMessage", message);
        if (extra != null) {
            out.setAll(extra);
        }
        byte[] bytes = json.writeValueAsBytes(out);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("X-TIMESTAMP", java.time.OffsetDateTime.now(ZoneOffset.ofHours(7))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private String minify(String body) {
        return body.isBlank() ? "" : json.writeValueAsString(json.readTree(body));
    }

    private static String header(HttpExchange ex, String name) {
        String v = ex.getRequestHeaders().getFirst(name);
        return v == null ? "" : v;
    }

    private boolean rsaValid(String data, String signature) {
        try {
            var s = Signature.getInstance("SHA256withRSA");
            s.initVerify(publicKey);
            s.update(data.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private boolean hmacValid(String data, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            return MessageDigest.isEqual(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)),
                    Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
