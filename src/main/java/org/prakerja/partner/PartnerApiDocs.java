package org.prakerja.partner;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every partner endpoint documents its signature headers and the errors the filter answers with. */
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
                if (method.name().equals("POST")) {
                    operation.addParametersItem(header("X-External-Id",
                            "idempotency key, unique per partner: the same key and body replay the first answer"));
                    operation.getResponses().addApiResponse("422",
                            new ApiResponse().description("IDEMPOTENCY_KEY_REUSED: the key was used with another body"));
                }
                operation.getResponses().addApiResponse("401",
                        new ApiResponse().description("SIGNATURE_INVALID, TIMESTAMP_OUT_OF_WINDOW, OTP_INVALID"));
                operation.getResponses().addApiResponse("403",
                        new ApiResponse().description("WRONG_PARTNER_ROLE, VOUCHER_NOT_YOURS"));
                operation.getResponses().addApiResponse("400",
                        new ApiResponse().description("VALIDATION_FAILED naming the field or header"));
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
