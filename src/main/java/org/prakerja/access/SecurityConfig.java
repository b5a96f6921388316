package org.prakerja.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer tokens for the participant and operator APIs. Operators' write endpoints need ADMIN or
 * OPERATOR; an AUDITOR may only read. The partner API authenticates with its own signatures.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    /** Public for every method: a wrong method then gets the router's 405, not a 401. */
    static final String[] PUBLIC_API = {"/api/v1/registrations", "/api/v1/registrations/*/verifications",
            "/api/v1/sessions", "/api/v1/complaints", "/api/v1/waves", "/api/v1/trainings", "/api/v1/certificates/*"};

    /**
     * The partner API authenticates every request by its signature (partner module's filter);
     * here Spring Security only writes its response headers, without the session, context and
     * authorization filters a partner request never uses.
     */
    @Bean
    @Order(1)
    SecurityFilterChain partnerApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/partner/**")
                .csrf(c -> c.disable())
                .anonymous(a -> a.disable())
                .requestCache(r -> r.disable())
                .securityContext(c -> c.disable())
                .sessionManagement(s -> s.disable())
                .servletApi(s -> s.disable())
                .exceptionHandling(e -> e.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, Accounts accounts, ProblemWriter problems, Environment environment)
            throws Exception {
        // the sandbox shows its metrics and API document to anyone; a real deployment only to its staff
        AuthorizationManager<RequestAuthorizationContext> staffOutsideSandbox =
                environment.acceptsProfiles(Profiles.of("sandbox")) ? (auth, context) -> new AuthorizationDecision(true)
                        : AuthorityAuthorizationManager.hasAnyRole("ADMIN", "OPERATOR", "AUDITOR");
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .addFilterBefore(new BearerTokenFilter(accounts), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(res, "UNAUTHENTICATED",
                                "sign in first: send Authorization: Bearer <token> from POST /api/v1/sessions"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(res, "FORBIDDEN",
                                "this account may not do that")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_API).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**")
                        .access(staffOutsideSandbox)
                        // R-25 only an ADMIN adds a scheme
                        .requestMatchers(HttpMethod.POST, "/api/v1/ops/schemes").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/ops/**").hasAnyRole("ADMIN", "OPERATOR", "AUDITOR")
                        .requestMatchers("/api/v1/ops/**").hasAnyRole("ADMIN", "OPERATOR")
                        .requestMatchers("/api/v1/**").hasRole("PARTICIPANT")
                        .anyRequest().permitAll());
        return http.build();
    }

    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final Accounts accounts;

        BearerTokenFilter(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                accounts.resolve(header.substring(7).trim()).ifPresent(user -> {
                    var auth = new UsernamePasswordAuthenticationToken(user, null,
                            List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
                    SecurityContextHolder.getContext().setAuthentication(auth);
                });
            }
            chain.doFilter(request, response);
        }
    }
}
