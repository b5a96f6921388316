package org.prakerja.login;

import java.util.Arrays;
import java.util.List;
import org.prakerja.common.CommonRefusal;
import org.prakerja.web.ProblemResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;

/**
 * The problems that sign-in answers before any controller sees the request, in the OpenAPI
 * document: 401 and 403 on every endpoint that needs a token (a participant's token on an operator
 * endpoint, or the other way round, is 403).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class LoginApiDocs {

    @Bean
    OpenApiCustomizer signInProblems() {
        var matcher = new AntPathMatcher();
        return api -> api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            boolean open = Arrays.stream(SecurityConfig.PUBLIC_API).anyMatch(p -> matcher.match(p, path));
            if (path.startsWith("/api/v1/") && !open) {
                ProblemResponses.add(operation, List.of(CommonRefusal.UNAUTHENTICATED, CommonRefusal.FORBIDDEN));
            }
        }));
    }
}
