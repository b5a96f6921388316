package org.prakerja.login;

import jakarta.annotation.Nullable;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The pages' sessions stay in PostgreSQL (Spring Session JDBC, V40), at one statement per page
 * instead of three. Spring Session reads a session when a request asks for it, saves it when the
 * response is committed, and again when its filter ends; the second save first looks the session up
 * again (a second SELECT), and every request writes its last access time (an UPDATE, a durable
 * commit). Here:
 * <ul>
 * <li>a session is read once per request: a second look-up within the same request answers the
 * session already read ({@link RequestScope}, opened by a filter just outside Spring Session's, so
 * nothing is kept from one request to the next);</li>
 * <li>its last access is written when it has moved by at least {@link #TOUCH_EVERY}. A session idle
 * for {@code spring.session.timeout} therefore ends up to that much earlier than the timeout, never
 * later.</li>
 * </ul>
 * Anything else a request changes (a login, a new id, an attribute, a logout) is written as before.
 */
@Configuration(proxyBeanMethods = false)
class PageSessions {

    /** How far the last access may lag behind the truth: one write a minute at most for a busy session. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /**
     * Boot's own JDBC session configuration stays in charge (table, timeout, cleanup); its repository
     * is wrapped once made. A bean of our own type would switch that configuration off.
     */
    @Bean
    static BeanPostProcessor pageSessionsRepository() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new Store(jdbc) : bean;
            }
        };
    }

    /** Just outside Spring Session's filter, for every dispatch it handles. */
    @Bean
    FilterRegistrationBean<RequestScope> pageSessionsRequestScope() {
        var registration = new FilterRegistrationBean<>(new RequestScope());
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    /** The sessions read during the request being served on this thread; none outside a request. */
    static final class RequestScope implements Filter {

        private static final ThreadLocal<Map<String, Touched>> READ = new ThreadLocal<>();

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (READ.get() != null) {
                // an error page drawn within the request: the same request, the same sessions
                chain.doFilter(request, response);
                return;
            }
            READ.set(new HashMap<>(2));
            try {
                chain.doFilter(request, response);
            } finally {
                READ.remove();
            }
        }
    }

    /** Spring Session's JDBC repository, with the two economies above. */
    static final class Store implements FindByIndexNameSessionRepository<Touched> {

        private final FindByIndexNameSessionRepository<Session> sessions;

        // its sessions' class is package-private: they are handled as Sessions, saved through the bridge method
        @SuppressWarnings({"unchecked", "rawtypes"})
        Store(JdbcIndexedSessionRepository jdbc) {
            this.sessions = (FindByIndexNameSessionRepository) jdbc;
        }

        @Override
        public Touched createSession() {
            return new Touched(sessions.createSession());
        }

        @Override
        public void save(Touched session) {
            sessions.save(session.stored);
        }

        @Override
        @Nullable
        public Touched findById(String id) {
            var read = RequestScope.READ.get();
            if (read != null) {
                var already = read.get(id);
                if (already != null && already.getId().equals(id)) {
                    return already;
                }
            }
            var stored = sessions.findById(id);
            if (stored == null) {
                return null;
            }
            var found = new Touched(stored);
            if (read != null) {
                read.put(id, found);
            }
            return found;
        }

        @Override
        public void deleteById(String id) {
            var read = RequestScope.READ.get();
            if (read != null) {
                read.remove(id);
            }
            sessions.deleteById(id);
        }

        @Override
        public Map<String, Touched> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            var found = new HashMap<String, Touched>();
            sessions.findByIndexNameAndIndexValue(indexName, indexValue)
                    .forEach((id, session) -> found.put(id, new Touched(session)));
            return found;
        }
    }

    /** A stored session whose last access moves only by {@link #TOUCH_EVERY} or more. */
    static final class Touched implements Session {

        private final Session stored;

        Touched(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(TOUCH_EVERY) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        @Nullable
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, @Nullable Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
