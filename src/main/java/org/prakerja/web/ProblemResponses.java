package org.prakerja.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.prakerja.common.Refusal;

/**
 * Refusals as OpenAPI responses: one {@code application/problem+json} response per status, its
 * {@code code} an enum of the codes the operation answers with that status, so that a client
 * generator and the tests' response check both know every code.
 */
public final class ProblemResponses {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private ProblemResponses() {
    }

    /** Adds these refusals to the operation's responses, beside the codes it lists already. */
    public static void add(Operation operation, Collection<? extends Refusal> refusals) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        Map<String, TreeSet<String>> byStatus = new TreeMap<>();
        refusals.forEach(r -> byStatus.computeIfAbsent(Integer.toString(r.status().value()), s -> new TreeSet<>())
                .add(r.code()));
        byStatus.forEach((status, codes) -> {
            codes.addAll(codesOf(operation.getResponses().get(status)));
            operation.getResponses().addApiResponse(status, response(codes));
        });
    }

    /** The refusals an {@link Refuses} annotation names; an unknown code is a mistake in the annotation. */
    static List<Refusal> of(Refuses refuses) {
        List<Refusal> all = Arrays.asList(refuses.value().getEnumConstants());
        if (refuses.codes().length == 0) {
            return all;
        }
        var named = new ArrayList<Refusal>();
        for (String code : refuses.codes()) {
            named.add(all.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow(() ->
                    new IllegalStateException(refuses.value().getSimpleName() + " has no code " + code)));
        }
        return named;
    }

    /** RFC 9457 with the members this service adds; a response narrows {@code code} to its own codes. */
    static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem; code is the stable docs/api.md code")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema())
                .addProperty("field", new StringSchema().description("the field, parameter or header at fault"))
                .addProperty("errors", new ObjectSchema().additionalProperties(new StringSchema())
                        .description("every field at fault and what is wrong with it"))
                .addProperty("reason", new StringSchema().description("why, for NOT_ELIGIBLE"))
                .addProperty("retryAfter", new IntegerSchema().description("seconds to wait"))
                .required(List.of("type", "title", "status", "detail", "code"));
    }

    private static ApiResponse response(Collection<String> codes) {
        Schema<?> code = new StringSchema()._enum(List.copyOf(codes));
        Schema<?> schema = new Schema<>().allOf(List.of(new Schema<>().$ref("#/components/schemas/" + PROBLEM),
                new ObjectSchema().addProperty("code", code)));
        return new ApiResponse().description(String.join(", ", codes))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema)));
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> codesOf(ApiResponse response) {
        if (response == null || response.getContent() == null || response.getContent().get(PROBLEM_JSON) == null) {
            return List.of();
        }
        var allOf = response.getContent().get(PROBLEM_JSON).getSchema().getAllOf();
        Schema<String> code = (Schema<String>) ((Schema<?>) allOf.get(1)).getProperties().get("code");
        return code.getEnum().stream().collect(Collectors.toList());
    }
}
