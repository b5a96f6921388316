package org.prakerja.partner;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.ArrayList;
import java.util.List;
import org.prakerja.common.Refusal;
import org.prakerja.web.ProblemResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every partner endpoint documents its signature headers and the problems the filter answers with. */
@Configuration(proxyBeanMethods = false)
class PartnerApiDocs {

    @Bean
    OpenApiCustomizer partnerHeaders() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/partner/v1")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                operation.addParametersItem(header("X-Partner-Id", "the partner's id, e.g. tokopedia"));
                operation.addParametersItem(header("X-Timestamp",
                        "ISO-8601 with offset; more than 5 minutes from the server's wall clock is 401 TIMESTAMP_OUT_OF_WINDOW"));
                operation.addParametersItem(header("X-Signature",
                        "Base64 HMAC-SHA512 with the partner's secret over METHOD:PATH_WITH_QUERY:hex(SHA-256(body)):X-Timestamp"));
                var refusals = new ArrayList<Refusal>(List.of(PartnerRefusal.SIGNATURE_INVALID,
                        PartnerRefusal.TIMESTAMP_OUT_OF_WINDOW, PartnerRefusal.WRONG_PARTNER_ROLE));
                if (method.name().equals("POST")) {
                    operation.addParametersItem(header("X-External-Id",
                            "idempotency key, unique per partner: the same key and body replay the first answer"));
                    refusals.add(PartnerRefusal.IDEMPOTENCY_KEY_REUSED);
                }
                ProblemResponses.add(operation, refusals);
            });
        });
    }

    private static HeaderParameter header(String name, String description) {
        var header = new HeaderParameter();
        header.setName(name);
        header.setRequired(true);
        header.setDescription(description);
        header.setSchema(new StringSchema());
        return header;
    }
}
