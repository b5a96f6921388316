package org.prakerja.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the running service over real HTTP, as a client written against docs/api.md would. Every
 * answer is checked against the OpenAPI document the service publishes ({@link ApiDocument}).
 */
public final class Api {

    public record Response(int status, JsonNode body, String raw) {
        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asString();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final int port;

    public Api(int port) {
        this.base = "http://localhost:" + port;
        this.port = port;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    public Response get(String path) {
        return get(path, null);
    }

    /** As a client whose reader asked for {@code language} (the {@code Accept-Language} header). */
    public Response get(String path, String token, String language) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).GET(), token);
    }

    public Response post(String path, Object body, String token) {
        String raw = body instanceof String s ? s : json(body);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(raw)), token);
    }

    public Response put(String path, Object body, String token) {
        String raw = body instanceof String s ? s : json(body);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(raw)), token);
    }

    public Response post(String path, Object body) {
        return post(path, body, null);
    }

    public Response patch(String path, Object body, String token) {
        String raw = body instanceof String s ? s : json(body);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(raw)), token);
    }

    /** A multipart/form-data upload of one file in the part {@code field}, as a browser's form sends it. */
    public Response upload(String path, String field, String fileName, String contentType, byte[] content, String token) {
        String boundary = "----prakerja" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), token);
    }

    /** A file download: the bytes as sent, with the headers. */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Download download(String path, String token) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var sent = request.build();
            var response = http.send(sent, HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            ApiDocument.published(port).ifPresent(document -> document.check(sent.method(), pathWithQuery(sent.uri()),
                    response.statusCode(), type, type != null && type.contains("json")
                            ? new String(response.body(), StandardCharsets.UTF_8) : "binary"));
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String login(String email, String password) {
        var r = post("/api/v1/sessions", Map.of("email", email, "password", password));
        if (r.status() != 201) {
            throw new IllegalStateException("login failed: " + r.raw());
        }
        return r.body().get("token").asString();
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Logs in through the portal's login form, as a browser would; answers the session cookie's value. */
    public String webLogin(String email, String password) {
        var cookies = new CookieManager();
        var browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        try {
            String form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Accept", "text/html")
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            var csrf = CSRF.matcher(form);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&_csrf=" + csrf.group(1);
            var answer = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/dashboard")) {
                throw new IllegalStateException("login refused: " + answer.statusCode());
            }
            return cookies.getCookieStore().get(URI.create(base)).stream()
                    .filter(c -> c.getName().equals("PRAKERJA_SESSION")).findFirst().orElseThrow().getValue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var sent = request.build();
            var response = http.send(sent, HttpResponse.BodyHandlers.ofString());
            ApiDocument.published(port).ifPresent(document -> document.check(sent.method(), pathWithQuery(sent.uri()),
                    response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body()));
            JsonNode node = response.body().isBlank() ? null : parse(response.body());
            return new Response(response.statusCode(), node, response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String pathWithQuery(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
