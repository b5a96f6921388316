package org.prakerja.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.prakerja.partner.Signatures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A partner's client of docs/api.md section 3: signs every request with its secret. */
public final class PartnerApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final int port;
    private final String partnerId;
    private final String secret;

    public PartnerApi(int port, String partnerId, String secret) {
        this.base = "http://localhost:" + port;
        this.port = port;
        this.partnerId = partnerId;
        this.secret = secret;
    }

    /** The credentials the sandbox seeded for a partner. */
    public static PartnerApi seeded(Api api, int port, String partnerId) {
        for (JsonNode p : api.get("/sandbox/partners").body()) {
            if (p.get("partnerId").asString().equals(partnerId)) {
                return new PartnerApi(port, partnerId, p.get("secret").asString());
            }
        }
        throw new IllegalArgumentException("no seeded partner " + partnerId);
    }

    public Api.Response get(String path) {
        return send("GET", path, "", null, OffsetDateTime.now(ZoneOffset.ofHours(7)).toString(), secret);
    }

    public Api.Response post(String path, Object body) {
        return post(path, body, UUID.randomUUID().toString());
    }

    public Api.Response post(String path, Object body, String externalId) {
        return send("POST", path, body instanceof String s ? s : JSON.writeValueAsString(body), externalId,
                OffsetDateTime.now(ZoneOffset.ofHours(7)).toString(), secret);
    }

    /** Full control, for the signature tests. */
    public Api.Response send(String method, String path, String body, String externalId, String timestamp,
            String signingSecret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = Signatures.sign(signingSecret, Signatures.canonical(method, path, bytes, timestamp));
        return sendSigned(method, path, body, externalId, timestamp, signature, partnerId);
    }

    public Api.Response sendSigned(String method, String path, String body, String externalId, String timestamp,
            String signature, String asPartner) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-Partner-Id", asPartner)
                .header("X-Timestamp", timestamp)
                .header("X-Signature", signature)
                .method(method, body.isEmpty() && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (externalId != null) {
            request.header("X-External-Id", externalId);
        }
        try {
            var sent = request.build();
            var response = http.send(sent, HttpResponse.BodyHandlers.ofString());
            // every answer, refusals of forged signatures included, is one the OpenAPI document describes
            ApiDocument.published(port).ifPresent(document -> document.check(method, Api.pathWithQuery(sent.uri()),
                    response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body()));
            JsonNode node = null;
            try {
                node = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (RuntimeException ignored) {
                // not JSON: the raw text is in the response
            }
            return new Api.Response(response.statusCode(), node, response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String partnerId() {
        return partnerId;
    }
}
