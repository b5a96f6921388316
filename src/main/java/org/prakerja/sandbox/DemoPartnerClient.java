package org.prakerja.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.prakerja.partner.PartnerClients;
import org.prakerja.partner.Signatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo store's and demo institution's way to the partner API: over HTTP to this very service,
 * signed with the partner's seeded secret exactly as docs/api.md section 3 asks of a real partner, so
 * the demo pages go through the same signature check, idempotency and refusals as anyone else.
 */
@Component
@Profile("sandbox")
class DemoPartnerClient {

    private static final Logger log = LoggerFactory.getLogger(DemoPartnerClient.class);
    private static final ZoneOffset WIB = ZoneOffset.ofHours(7);

    /** What the partner API answered: the typed answer, or its refusal's code (docs/api.md error codes). */
    sealed interface Answer<T> {
    }

    record Ok<T>(T value) implements Answer<T> {
    }

    record Refused<T>(int status, String code) implements Answer<T> {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final PartnerClients partners;
    private final Environment environment;
    private volatile String base;

    DemoPartnerClient(PartnerClients partners, Environment environment) {
        this.partners = partners;
        this.environment = environment;
    }

    /** The port the service really listens on: the tests' is random, so no setting can say it. */
    @EventListener
    void serving(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            String host = environment.getProperty("server.address", "localhost");
            if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
                host = "localhost";
            }
            String contextPath = environment.getProperty("server.servlet.context-path", "");
            base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + event.getWebServer().getPort()
                    + contextPath;
        }
    }

    <T> Answer<T> get(String partnerId, String pathWithQuery, Class<T> type) {
        return send(partnerId, "GET", pathWithQuery, null, null, type);
    }

    /** A POST with the idempotency key of the person's action ({@code X-External-Id}). */
    <T> Answer<T> post(String partnerId, String pathWithQuery, Object body, String externalId, Class<T> type) {
        return send(partnerId, "POST", pathWithQuery, body, externalId, type);
    }

    private <T> Answer<T> send(String partnerId, String method, String pathWithQuery, Object body, String externalId,
            Class<T> type) {
        if (base == null) {
            throw new IllegalStateException("the web server has not started yet");
        }
        String path = "/partner/v1" + pathWithQuery;
        byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
        // the signature window is measured on the server's real wall clock, never the sandbox's test clock
        String timestamp = OffsetDateTime.now(WIB).toString();
        String signature = Signatures.sign(secret(partnerId), Signatures.canonical(method, path, bytes, timestamp));
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json")
                .header("X-Partner-Id", partnerId)
                .header("X-Timestamp", timestamp)
                .header("X-Signature", signature);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .header("X-External-Id", externalId)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Ok<>(json.readValue(response.body(), type));
            }
            String code = problemCode(response.body());
            log.info("demo partner call refused partner={} method={} status={} code={}", partnerId, method, status, code);
            if (status >= 500) {
                throw new IllegalStateException("the partner API failed: " + status + " " + code);
            }
            return new Refused<>(status, code);
        } catch (IOException e) {
            throw new IllegalStateException("the partner API could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String problemCode(byte[] body) {
        try {
            JsonNode problem = json.readTree(body);
            String code = problem.path("code").asString("");
            return code.isEmpty() ? "UNKNOWN" : code;
        } catch (RuntimeException notJson) {
            return "UNKNOWN";
        }
    }

    /** The partner's seeded secret, read afresh each time, as GET /sandbox/partners shows it. */
    private String secret(String partnerId) {
        return partners.all().stream().filter(c -> c.partnerId().equals(partnerId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seeded partner " + partnerId))
                .secret();
    }
}
