package org.prakerja.web;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.prakerja.common.CommonRefusal;
import org.prakerja.common.Refusal;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document lists every problem an operation answers: its {@link Refuses} codes and the
 * generic ones. Modules whose filters answer for whole paths add theirs (login, partner).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    /** Any request may be malformed, too large, unanswerable in its Accept, or meet a bug or an outage. */
    private static final List<CommonRefusal> EVERYWHERE = List.of(CommonRefusal.VALIDATION_FAILED,
            CommonRefusal.NOT_ACCEPTABLE, CommonRefusal.TOO_LARGE, CommonRefusal.INTERNAL_ERROR,
            CommonRefusal.SERVICE_UNAVAILABLE);

    @Bean
    OperationCustomizer refusals() {
        return (operation, handler) -> {
            List<Refusal> refusals = new ArrayList<>(EVERYWHERE);
            if (operation.getRequestBody() != null) {
                refusals.add(CommonRefusal.UNSUPPORTED_MEDIA_TYPE);
            }
            var refuses = handler.getMethodAnnotation(Refuses.class);
            if (refuses != null) {
                refusals.addAll(ProblemResponses.of(refuses));
            }
            ProblemResponses.add(operation, refusals);
            return operation;
        };
    }

    /**
     * A {@code @Nullable} member that is an object: the resolver marks scalars ["string", "null"]
     * itself, but drops the mark beside a {@code $ref}; OpenAPI 3.1 says it as anyOf the object or null.
     */
    @Bean
    PropertyCustomizer nullableObjects() {
        return (property, type) -> {
            boolean nullable = type.getCtxAnnotations() != null && Arrays.stream(type.getCtxAnnotations())
                    .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
            if (!nullable || property.get$ref() == null) {
                return property;
            }
            return new Schema<>().anyOf(List.of(new Schema<>().$ref(property.get$ref()),
                    new Schema<>().types(Set.of("null"))));
        };
    }

    /** The per-address throttle answers 429 on the POSTs it limits before any controller sees them. */
    @Bean
    OpenApiCustomizer throttledPosts(ObjectProvider<FilterRegistrationBean<RequestThrottle>> throttle) {
        return api -> api.getPaths().forEach((path, item) -> {
            if (item.getPost() != null && throttle.getObject().getFilter().limits(path)) {
                ProblemResponses.add(item.getPost(), List.of(CommonRefusal.RATE_LIMITED));
            }
        });
    }

    @Bean
    OpenApiCustomizer problemSchema() {
        return api -> api.getComponents().addSchemas(ProblemResponses.PROBLEM, ProblemResponses.problemSchema());
    }
}
