package org.prakerja.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links to static files carry a hash of the file's content (the resource chain, so they may be
 * cached for a year); every other link is left as written. Spring's filter looked every link a page
 * renders (about twenty) up among the static files' patterns; this one looks up only links under
 * {@code /assets/} and {@code /webjars/}, the only paths static files are served from. It takes the
 * place of the filter Boot would register.
 */
class AssetLinks extends ResourceUrlEncodingFilter {

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Typed as Spring's filter, so that Boot's condition sees it and registers none of its own. */
        @Bean
        FilterRegistrationBean<ResourceUrlEncodingFilter> assetLinks() {
            var registration = new FilterRegistrationBean<ResourceUrlEncodingFilter>(new AssetLinks());
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            return registration;
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var plain = (HttpServletResponse) response;
        String contextPath = ((HttpServletRequest) request).getContextPath();
        super.doFilter(request, response, (req, hashing) ->
                chain.doFilter(req, new OnlyAssets((HttpServletResponse) hashing, plain, contextPath)));
    }

    /** Asset links through the hashing response; all others straight to the response beneath it. */
    private static final class OnlyAssets extends HttpServletResponseWrapper {

        private final HttpServletResponse plain;
        private final String assets;
        private final String webjars;

        OnlyAssets(HttpServletResponse hashing, HttpServletResponse plain, String contextPath) {
            super(hashing);
            this.plain = plain;
            this.assets = contextPath + "/assets/";
            this.webjars = contextPath + "/webjars/";
        }

        @Override
        public String encodeURL(String url) {
            return url.startsWith(assets) || url.startsWith(webjars) ? super.encodeURL(url) : plain.encodeURL(url);
        }
    }
}
