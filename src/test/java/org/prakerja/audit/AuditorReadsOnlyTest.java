package org.prakerja.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.Api;
import org.prakerja.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * docs/rules.md actors: an AUDITOR reads and changes nothing. The endpoints are collected from the
 * application's request mappings, so an operator endpoint added later is checked too.
 */
@IntegrationTest
class AuditorReadsOnlyTest {

    private static final Set<RequestMethod> READS = Set.of(RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS);

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** "METHOD /path/{var}" of every operator endpoint, writes or reads. */
    private Set<String> operatorEndpoints(boolean writes) {
        var found = new TreeSet<String>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/v1/ops/"))
                .forEach(pattern -> {
                    var methods = info.getMethodsCondition().getMethods().isEmpty()
                            ? Set.of(RequestMethod.values()) : info.getMethodsCondition().getMethods();
                    methods.stream().filter(m -> READS.contains(m) != writes)
                            .filter(m -> m != RequestMethod.HEAD && m != RequestMethod.OPTIONS && m != RequestMethod.TRACE)
                            .forEach(m -> found.add(m + " " + pattern));
                }));
        return found;
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "1");
    }

    @Test
    @DisplayName("R-84 an AUDITOR's token on every state-changing operator endpoint is 403 FORBIDDEN")
    void auditorChangesNothing() {
        String auditor = new Api(port).login("auditor@prakerja.test", "auditor-sandbox-1");
        var writes = operatorEndpoints(true);
        assertThat(writes).contains("POST /api/v1/ops/waves", "POST /api/v1/ops/waves/{number}/transitions",
                "POST /api/v1/ops/jobs/{kind}", "PATCH /api/v1/ops/complaints/{ticket}");
        for (String endpoint : writes) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            var r = RawHttp.send(port, method, path, Map.of("Authorization", "Bearer " + auditor,
                    "Content-Type", "application/json"), "{}");
            assertThat(r.status()).as(endpoint + ": " + r.body()).isEqualTo(403);
            assertThat(r.code()).as(endpoint).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    @DisplayName("R-84 an AUDITOR may read every operator GET endpoint")
    void auditorReadsEverything() {
        String auditor = new Api(port).login("auditor@prakerja.test", "auditor-sandbox-1");
        var reads = operatorEndpoints(false);
        assertThat(reads).contains("GET /api/v1/ops/audit", "GET /api/v1/ops/complaints", "GET /api/v1/ops/reports/summary");
        for (String endpoint : reads) {
            String path = concrete(endpoint.substring(endpoint.indexOf(' ') + 1));
            var r = RawHttp.send(port, "GET", path, Map.of("Authorization", "Bearer " + auditor), null);
            assertThat(r.status()).as(endpoint + ": " + r.body()).isNotIn(401, 403);
        }
    }
}
