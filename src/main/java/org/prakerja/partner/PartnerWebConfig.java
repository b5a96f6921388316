package org.prakerja.partner;

import org.prakerja.web.ProblemWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PartnerWebConfig {

    @Bean
    FilterRegistrationBean<PartnerFilter> partnerFilter(PartnerClients clients, Idempotency idempotency,
            ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new PartnerFilter(clients, idempotency,
                problems.knowing(PartnerRefusal.values())));
        registration.addUrlPatterns("/partner", "/partner/*");
        // after Spring Security, which lets /partner/** through to this signature check
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
