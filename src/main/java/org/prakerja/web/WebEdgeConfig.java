package org.prakerja.web;

import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The edge of the service, before Spring Security and the router: which paths are served at all,
 * and what Tomcat answers when it refuses a request itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebEdgeConfig {

    /** First of all filters, before Spring Security's: see {@link EdgeFilter}. */
    @Bean
    FilterRegistrationBean<EdgeFilter> edgeFilter(ProblemWriter problems,
            @Value("${prakerja.web.max-json-body:1MB}") DataSize maxJsonBody) {
        var registration = new FilterRegistrationBean<>(new EdgeFilter(problems, maxJsonBody.toBytes()));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** After the edge filter and before authentication: see {@link RequestThrottle}. */
    @Bean
    FilterRegistrationBean<RequestThrottle> requestThrottle(ProblemWriter problems, DataSource dataSource,
            @Value("${prakerja.throttle.logins-per-minute:30}") int logins,
            @Value("${prakerja.throttle.registrations-per-minute:20}") int registrations,
            @Value("${prakerja.throttle.password-resets-per-minute:10}") int resets) {
        // the API's paths and the pages' forms that do the same
        var registration = new FilterRegistrationBean<>(new RequestThrottle(Map.of("/api/v1/sessions", logins,
                "/login", logins, "/api/v1/registrations", registrations, "/register", registrations,
                "/api/v1/password-resets", resets, "/forgot-password", resets), dataSource, problems));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** After the throttle and before the session is read: see {@link PageAdmission}. */
    @Bean
    FilterRegistrationBean<PageAdmission> pageAdmission(@Value("${prakerja.web.pages-at-once:0}") int atOnce,
            @Value("${prakerja.web.page-wait:PT10S}") Duration wait) {
        var registration = new FilterRegistrationBean<>(
                new PageAdmission(atOnce > 0 ? atOnce : PageAdmission.byDefault(), wait));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Tomcat would refuse an encoded slash or backslash itself; passed through undecoded, they
     * reach the canonical-path filter and get a problem like any other bad path.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFilter() {
        return connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        };
    }

    /**
     * What Tomcat refuses before any filter (a NUL byte in the path, an oversized request line or
     * header) is answered as a problem too, not as Tomcat's HTML page. Runs after Boot's own
     * customizer, which installs a plain {@link ErrorReportValve}, and puts ours in its place.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemsFromTomcat() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    var pipeline = context.getParent().getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                            pipeline.removeValve(valve);
                        }
                    }
                    pipeline.addValve(new ProblemReportValve());
                    if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                        host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    }
                });
            }
        };
    }
}
