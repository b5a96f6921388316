package org.prakerja.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Journey;
import org.prakerja.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The pages' sessions in PostgreSQL at one statement per page: read once per request, never kept
 * from one request to the next; the last access written when it has moved by a minute or more.
 */
@IntegrationTest
class PageSessionsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    OutboxRelay relay;
    @Autowired
    ApplicationContext context;
    PageSessions.Store sessions;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        // Spring Session's filter is given Boot's repository bean, which is this store
        sessions = context.getBean("sessionRepository", PageSessions.Store.class);
    }

    /** Runs {@code work} as the service runs a request: inside the filter that scopes its sessions. */
    private static void withinARequest(Runnable work) {
        try {
            new PageSessions.RequestScope().doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
                    (request, response) -> work.run());
        } catch (java.io.IOException | jakarta.servlet.ServletException e) {
            throw new IllegalStateException(e);
        }
    }

    private String stored() {
        var session = sessions.createSession();
        session.setAttribute("marker", UUID.randomUUID().toString());
        sessions.save(session);
        return session.getId();
    }

    private long lastAccess(String id) {
        return db.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?").param(id)
                .query(Long.class).single();
    }

    private long rows(String id) {
        return db.sql("SELECT count(*) FROM spring_session WHERE session_id = ?").param(id).query(Long.class).single();
    }

    @Test
    void aSessionIsReadOnceWithinARequestAndAgainInTheNext() {
        String id = stored();
        withinARequest(() -> {
            var first = sessions.findById(id);
            assertThat(first).isNotNull();
            // gone from the table: within the same request the session already read answers
            db.sql("DELETE FROM spring_session WHERE session_id = ?").param(id).update();
            assertThat(sessions.findById(id)).isSameAs(first);
        });
        // the next request reads the table, and finds nothing
        withinARequest(() -> assertThat(sessions.findById(id)).isNull());
        assertThat(sessions.findById(id)).isNull();
    }

    @Test
    void aDeletedSessionIsNotFoundAgainWithinTheRequest() {
        String id = stored();
        withinARequest(() -> {
            assertThat(sessions.findById(id)).isNotNull();
            sessions.deleteById(id);
            assertThat(sessions.findById(id)).isNull();
        });
        assertThat(rows(id)).isZero();
    }

    @Test
    void theLastAccessIsWrittenOnlyWhenItHasMovedByAMinuteOrMore() {
        String id = stored();
        long written = lastAccess(id);

        var session = sessions.findById(id);
        session.setLastAccessedTime(Instant.ofEpochMilli(written).plus(Duration.ofSeconds(59)));
        sessions.save(session);
        assertThat(lastAccess(id)).isEqualTo(written);

        session = sessions.findById(id);
        var minuteLater = Instant.ofEpochMilli(written).plus(PageSessions.TOUCH_EVERY);
        session.setLastAccessedTime(minuteLater);
        sessions.save(session);
        assertThat(lastAccess(id)).isEqualTo(minuteLater.toEpochMilli());
        assertThat(db.sql("SELECT expiry_time FROM spring_session WHERE session_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(minuteLater.plus(session.getMaxInactiveInterval()).toEpochMilli());
    }

    @Test
    void aChangedAttributeIsWrittenEvenWithinTheMinute() {
        String id = stored();
        var session = sessions.findById(id);
        session.setAttribute("marker", "changed");
        sessions.save(session);
        assertThat(sessions.findById(id).<String>getAttribute("marker")).isEqualTo("changed");
    }

    @Test
    void pagesViewedWithinAMinuteReadTheSessionButDoNotRewriteIt() {
        var who = aParticipant().named("Sekar Ayuningtyas");
        new Journey(api, relay).register(who);
        String cookie = api.webLogin(who.email(), who.password());
        var headers = Map.of("Cookie", "PRAKERJA_SESSION=" + cookie, "Accept", "text/html");
        // the cookie carries the session's id in base64
        String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.US_ASCII);
        long written = lastAccess(id);

        for (int i = 0; i < 3; i++) {
            var page = RawHttp.send(port, "GET", "/dashboard", headers, "");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Sekar Ayuningtyas");
        }
        assertThat(lastAccess(id)).isEqualTo(written);

        // nothing is kept between requests: a session ended elsewhere is gone at the next page
        db.sql("DELETE FROM spring_session WHERE session_id = ?").param(id).update();
        var after = RawHttp.send(port, "GET", "/dashboard", headers, "");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.header("Location")).endsWith("/login");
    }
}
