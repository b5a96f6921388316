package org.prakerja.support;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the running service publishes, as a check on its answers: every response
 * the HTTP tests receive must be one the document describes (its status declared for the
 * operation, its body valid against that response's JSON Schema), so the document cannot drift
 * from what runs. Fetched once per server from {@code /v3/api-docs}.
 */
public final class ApiDocument {

    /** Where the document's own {@code $ref}s ("#/components/schemas/...") resolve. */
    private static final String IRI = "https://prakerja.test/v3/api-docs";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, Optional<ApiDocument>> PUBLISHED = new ConcurrentHashMap<>();

    private final SchemaRegistry schemas;
    private final List<Operation> operations = new ArrayList<>();

    private record Operation(String method, String template, Pattern path, JsonNode node) {
        String name() {
            return method + " " + template;
        }
    }

    ApiDocument(String json) {
        JsonNode document = JSON.readTree(json);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(IRI, json)));
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String regex = "^" + Pattern.compile("\\{[^}/]+}").splitAsStream(path.getKey())
                    .map(Pattern::quote).reduce((a, b) -> a + "[^/]+" + b).orElse("")
                    + (path.getKey().endsWith("}") ? "[^/]+" : "") + "$";
            operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), Pattern.compile(regex),
                    op.getValue()));
        }));
        // a literal path wins over a template that also matches it
        operations.sort(Comparator.comparingLong((Operation o) -> o.template().chars().filter(c -> c == '{').count()));
    }

    /**
     * The document of the server on this port; empty outside the sandbox profile, where only staff
     * may read it: the production-mode tests check that surface's 401s and 404s, not the document.
     */
    public static Optional<ApiDocument> published(int port) {
        return PUBLISHED.computeIfAbsent(port, p -> {
            try {
                var response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + p + "/v3/api-docs")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 ? Optional.of(new ApiDocument(response.body())) : Optional.empty();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Fails the test when the document does not describe this answer. */
    public void check(String method, String pathWithQuery, int status, String contentType, String body) {
        var mismatches = mismatches(method, pathWithQuery, status, contentType, body);
        if (!mismatches.isEmpty()) {
            throw new AssertionError("the OpenAPI document does not describe this answer:\n  "
                    + String.join("\n  ", mismatches) + "\n  body: " + abbreviate(body));
        }
    }

    /** What the document says is wrong with this answer; empty when it describes it. */
    public List<String> mismatches(String method, String pathWithQuery, int status, String contentType, String body) {
        String path = pathWithQuery.split("\\?", 2)[0];
        var operation = operations.stream()
                .filter(o -> o.method().equals(method) && o.path().matcher(path).matches()).findFirst();
        if (operation.isEmpty()) {
            // Not an operation of the document: a path refused at the edge (not canonical, unknown, a
            // wrong method) or one outside the APIs (actuator, Swagger UI). Under the APIs the answer
            // must still be a problem; elsewhere there is nothing to check it against.
            boolean api = path.startsWith("/api/") || path.startsWith("/partner/") || path.startsWith("/sandbox/");
            return api && status >= 400 ? problemMismatches(method + " " + path + " (no operation)", status, body)
                    : List.of();
        }
        String name = operation.get().name();
        JsonNode responses = operation.get().node().get("responses");
        JsonNode response = responses.get(Integer.toString(status));
        if (response == null) {
            return List.of(name + " answered " + status + ", which it does not declare (it declares "
                    + String.join(", ", responses.propertyNames()) + ")");
        }
        JsonNode content = response.get("content");
        if (body == null || body.isEmpty()) {
            return content == null ? List.of()
                    : List.of(name + " answered " + status + " without a body; the document declares " + content.propertyNames());
        }
        if (content == null) {
            return List.of(name + " answered " + status + " with a body; the document declares none");
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode declared = content.get(mediaType);
        if (declared == null) {
            return List.of(name + " answered " + status + " as " + mediaType + "; the document declares "
                    + content.propertyNames());
        }
        if (!mediaType.endsWith("json") || declared.get("schema") == null) {
            return List.of();
        }
        return validate(name + " " + status, declared.get("schema"), body);
    }

    private List<String> problemMismatches(String name, int status, String body) {
        var problem = JSON.createObjectNode().put("$ref", IRI + "#/components/schemas/Problem");
        return validate(name + " " + status, problem, body);
    }

    private List<String> validate(String name, JsonNode schema, String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (RuntimeException e) {
            return List.of(name + ": the body is not JSON");
        }
        return schemas.getSchema(SchemaLocation.of(IRI + "/response"), absolute(schema.deepCopy())).validate(instance).stream()
                .map(error -> name + ": " + error.getInstanceLocation() + " " + error.getMessage())
                .toList();
    }

    /** The response's schema read apart from the document: its "#/components/..." refs point into the document. */
    private static JsonNode absolute(JsonNode schema) {
        if (schema instanceof tools.jackson.databind.node.ObjectNode object) {
            var ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith("#")) {
                object.put("$ref", IRI + ref.asString());
            }
            object.properties().forEach(member -> absolute(member.getValue()));
        } else if (schema.isArray()) {
            schema.forEach(ApiDocument::absolute);
        }
        return schema;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }
}
