package org.prakerja.registration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The civil registry (Dukcapil) over HTTPS with mutual TLS, as docs/civil-registry.md describes it
 * to the registry's operator: {@code POST {url}/v1/identity-checks}, one person per call, the
 * registry answering per field. The service presents its client certificate (the key store) and
 * trusts only the registry's CA (the trust store).
 *
 * <p>Anything but a 200 with a readable answer, a time-out included, is "could not ask"
 * ({@link Verdict#UNAVAILABLE}): registration goes on with the identity AWAITING. A circuit breaker
 * counts those; while it is open no call leaves, so a registry that is down is not also flooded and
 * a registration does not wait out the time-out each time.
 */
@Component
@ConditionalOnProperty(name = "prakerja.adapters.civil-registry", havingValue = "https")
class HttpsCivilRegistry implements CivilRegistry {

    private static final Logger log = LoggerFactory.getLogger(HttpsCivilRegistry.class);

    private final URI endpoint;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final CircuitBreaker breaker;
    private final Map<Verdict, Counter> calls = new EnumMap<>(Verdict.class);
    private final JsonMapper json = JsonMapper.builder().build();

    HttpsCivilRegistry(
            @Value("${prakerja.civil-registry.url}") String url,
            @Value("${prakerja.civil-registry.key-store}") Path keyStore,
            @Value("${prakerja.civil-registry.key-store-password}") String keyStorePassword,
            @Value("${prakerja.civil-registry.trust-store}") Path trustStore,
            @Value("${prakerja.civil-registry.trust-store-password}") String trustStorePassword,
            @Value("${prakerja.civil-registry.connect-timeout:PT2S}") Duration connectTimeout,
            @Value("${prakerja.civil-registry.request-timeout:PT5S}") Duration requestTimeout,
            @Value("${prakerja.civil-registry.breaker.failure-rate-threshold:50}") float failureRate,
            @Value("${prakerja.civil-registry.breaker.sliding-window-size:10}") int window,
            @Value("${prakerja.civil-registry.breaker.minimum-calls:5}") int minimumCalls,
            @Value("${prakerja.civil-registry.breaker.wait-in-open:PT30S}") Duration waitInOpen,
            @Value("${prakerja.civil-registry.breaker.calls-in-half-open:2}") int callsInHalfOpen,
            MeterRegistry meters) {
        this.endpoint = URI.create(url.replaceAll("/+$", "") + "/v1/identity-checks");
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .sslContext(mutualTls(keyStore, keyStorePassword, trustStore, trustStorePassword))
                .connectTimeout(connectTimeout)
                .build();
        var breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRate)
                .slowCallDurationThreshold(requestTimeout)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(waitInOpen)
                .permittedNumberOfCallsInHalfOpenState(callsInHalfOpen)
                .build());
        this.breaker = breakers.circuitBreaker("civil-registry");
        breaker.getEventPublisher().onStateTransition(e -> log.warn("civil registry breaker {}",
                e.getStateTransition()));
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        for (var verdict : Verdict.values()) {
            calls.put(verdict, Counter.builder("prakerja.civil-registry.calls")
                    .description("Identity checks asked of the civil registry, by outcome")
                    .tag("outcome", verdict.name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters));
        }
    }

    @Override
    public Verdict check(Nik nik, String fullName, LocalDate birthDate) {
        var verdict = ask(nik, fullName, birthDate);
        calls.get(verdict).increment();
        return verdict;
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private Verdict ask(Nik nik, String fullName, LocalDate birthDate) {
        String requestId = UUID.randomUUID().toString();
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException e) {
            return Verdict.UNAVAILABLE;
        }
        long start = breaker.getCurrentTimestamp();
        try {
            var body = json.writeValueAsString(Map.of("requestId", requestId, "nik", nik.value(),
                    "fullName", fullName.trim(), "birthDate", birthDate.toString()));
            var response = http.send(HttpRequest.newBuilder(endpoint)
                            .timeout(requestTimeout)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header("X-Request-Id", requestId)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("answer " + response.statusCode() + " " + errorCode(response.body()));
            }
            var verdict = verdictOf(json.readTree(response.body()));
            breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
            return verdict;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            return Verdict.UNAVAILABLE;
        } catch (IOException | RuntimeException e) {
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
            // the request id, never the NIK: the registry's operator finds the call by it
            log.warn("civil registry could not be asked requestId={} nik={} cause={}", requestId, nik.masked(),
                    e.toString());
            return Verdict.UNAVAILABLE;
        }
    }

    /** The contract's answer: not found, or found with every field MATCH, or some field MISMATCH. */
    private static Verdict verdictOf(JsonNode answer) throws IOException {
        var found = answer.get("found");
        if (found == null || !found.isBoolean()) {
            throw new IOException("answer without found");
        }
        if (!found.booleanValue()) {
            return Verdict.NOT_FOUND;
        }
        var fields = answer.get("fields");
        if (fields == null) {
            throw new IOException("found without fields");
        }
        boolean mismatch = false;
        for (String field : new String[] {"fullName", "birthDate"}) {
            var value = fields.get(field);
            String said = value == null ? "" : value.asString();
            switch (said) {
                case "MATCH" -> { }
                case "MISMATCH" -> mismatch = true;
                default -> throw new IOException("field " + field + " answered " + said);
            }
        }
        return mismatch ? Verdict.MISMATCH : Verdict.MATCH;
    }

    private String errorCode(String body) {
        try {
            var code = json.readTree(body).path("error").path("code");
            return code.isMissingNode() ? "" : code.asString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static SSLContext mutualTls(Path keyStore, String keyStorePassword, Path trustStore,
            String trustStorePassword) {
        try {
            var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, keyStorePassword), keyStorePassword.toCharArray());
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore, trustStorePassword));
            var context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("civil registry key store or trust store unusable: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path path, String password) throws GeneralSecurityException, IOException {
        var store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
