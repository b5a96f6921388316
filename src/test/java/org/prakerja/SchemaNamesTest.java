package org.prakerja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document names a schema by its type's simple name: two bodies of the same simple
 * name (a basic-test {@code Answer} and a complaint {@code Answer}) would share one schema, and
 * one of them would be described wrongly. Every type a controller reads or answers has a name of
 * its own.
 */
@IntegrationTest
class SchemaNamesTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    @DisplayName("no two request or response types of the APIs share a simple name (one schema each in the OpenAPI document)")
    void distinctNames() {
        Map<String, Set<String>> byName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        mappings.getHandlerMethods().values().forEach(handler -> {
            collect(ResolvableType.forMethodReturnType(handler.getMethod()), byName, seen);
            for (var parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    collect(ResolvableType.forMethodParameter(parameter), byName, seen);
                }
            }
        });
        assertThat(byName).isNotEmpty();
        byName.forEach((name, types) -> assertThat(types).as("types named %s", name).hasSize(1));
    }

    private static void collect(ResolvableType type, Map<String, Set<String>> byName, Set<Class<?>> seen) {
        for (var generic : type.getGenerics()) {
            collect(generic, byName, seen);
        }
        if (type.isArray()) {
            collect(type.getComponentType(), byName, seen);
        }
        Class<?> raw = type.resolve();
        if (raw == null || !raw.getName().startsWith("org.prakerja.") || !seen.add(raw)) {
            return;
        }
        byName.computeIfAbsent(raw.getSimpleName(), k -> new TreeSet<>()).add(raw.getName());
        if (raw.isRecord()) {
            for (var component : raw.getRecordComponents()) {
                collect(ResolvableType.forType(component.getGenericType(), type), byName, seen);
            }
        }
    }
}
