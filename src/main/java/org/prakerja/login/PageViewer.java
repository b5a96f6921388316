package org.prakerja.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page's layout needs to know: who is looking ({@code viewer}, null for a visitor), and
 * the page's own address, for the language switch. Only pages that render a view pay for it.
 */
@Configuration(proxyBeanMethods = false)
class PageViewer implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/partner/**", "/actuator/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView page) {
        if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        page.addObject("viewer", viewer());
        page.addObject("currentPath", currentPath(request));
    }

    /**
     * The page's path and, for a page got by GET, its query without {@code lang}: switching language
     * keeps what the address holds (the reset link's token, a search), and the layout adds the new
     * {@code lang}. A page drawn after a POST has only its path: the form's fields are not repeated.
     */
    static String currentPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        if (query == null || !"GET".equals(request.getMethod())) {
            return path;
        }
        String kept = UriComponentsBuilder.newInstance().query(query).replaceQueryParam("lang").build().getQuery();
        return kept == null || kept.isEmpty() ? path : path + "?" + kept;
    }

    @Nullable
    static CurrentUser viewer() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
