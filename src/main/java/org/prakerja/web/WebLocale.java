package org.prakerja.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.Nullable;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The reader's language: Bahasa Indonesia first, English second. A page is Indonesian until its
 * reader picks English ({@code ?lang=en}, kept in a cookie); the APIs follow {@code Accept-Language}.
 */
@Configuration(proxyBeanMethods = false)
class WebLocale implements WebMvcConfigurer {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");
    static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        var fromHeader = new AcceptHeaderLocaleResolver();
        fromHeader.setSupportedLocales(SUPPORTED);
        fromHeader.setDefaultLocale(INDONESIAN);
        var fromCookie = new CookieLocaleResolver("lang") {
            @Override
            public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
                    @Nullable Locale locale) {
                // only the two languages the bundles hold; anything else is Indonesian
                super.setLocale(request, response, locale != null && locale.getLanguage().equals("en")
                        ? Locale.ENGLISH : INDONESIAN);
            }
        };
        fromCookie.setCookieMaxAge(Duration.ofDays(365));
        fromCookie.setCookieSameSite("Lax");
        // a page is Indonesian until its reader picks English; a program says what it reads
        fromCookie.setDefaultLocaleFunction(request -> WebRequests.isApi(request)
                ? fromHeader.resolveLocale(request) : INDONESIAN);
        return fromCookie;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**", "/partner/**");
    }
}
