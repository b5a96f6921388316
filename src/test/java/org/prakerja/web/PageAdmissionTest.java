package org.prakerja.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.prakerja.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;

/** Pages are drawn in turns, in the order they came; past the wait, the busy page; APIs and static files never wait. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "prakerja.web.pages-at-once=1", "prakerja.web.page-wait=PT0.3S"})
@ActiveProfiles({"sandbox", "test"})
class PageAdmissionTest {

    @LocalServerPort
    int port;
    @Autowired
    FilterRegistrationBean<PageAdmission> registration;
    @Autowired
    MessageSource messages;

    /** A page in progress until {@code done} is counted down: it holds its turn meanwhile. */
    private static Future<MockHttpServletResponse> inProgress(PageAdmission admission, String path, CountDownLatch done,
            List<String> started) {
        var request = new MockHttpServletRequest("GET", path);
        request.addHeader("Accept", "text/html");
        return inProgress(admission, request, done, started);
    }

    private static Future<MockHttpServletResponse> inProgress(PageAdmission admission, MockHttpServletRequest request,
            CountDownLatch done, List<String> started) {
        String path = request.getRequestURI();
        FilterChain chain = (req, res) -> {
            started.add(path);
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return Executors.newVirtualThreadPerTaskExecutor().submit(() -> {
            var response = new MockHttpServletResponse();
            admission.doFilter(request, response, chain);
            return response;
        });
    }

    private static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(end);
            Thread.sleep(5);
        }
    }

    @Test
    void pagesBeyondTheLimitWaitTheirTurnInTheOrderTheyCame() throws Exception {
        var admission = new PageAdmission(1, Duration.ofSeconds(10));
        var started = new CopyOnWriteArrayList<String>();
        var first = new CountDownLatch(1);
        var others = new CountDownLatch(0);
        inProgress(admission, "/dashboard", first, started);
        until(() -> started.size() == 1);
        var waiting = new java.util.ArrayList<Future<MockHttpServletResponse>>();
        for (String path : List.of("/vouchers", "/incentives", "/complaints")) {
            waiting.add(inProgress(admission, path, others, started));
            until(() -> admission.waiting() == waiting.size());
        }
        Thread.sleep(50);
        assertThat(started).containsExactly("/dashboard");

        first.countDown();
        for (var page : waiting) {
            assertThat(page.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(started).containsExactly("/dashboard", "/vouchers", "/incentives", "/complaints");
    }

    @Test
    void aPageThatCannotStartWithinTheWaitGetsTheBusyAnswerAndIsNotDrawn() throws Exception {
        var admission = new PageAdmission(1, Duration.ofMillis(100));
        var started = new CopyOnWriteArrayList<String>();
        var done = new CountDownLatch(1);
        inProgress(admission, "/dashboard", done, started);
        until(() -> started.size() == 1);

        var refused = inProgress(admission, "/vouchers", new CountDownLatch(0), started).get(5, TimeUnit.SECONDS);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(started).containsExactly("/dashboard");

        done.countDown();
        // the turn is free again
        until(() -> admission.waiting() == 0);
        var next = inProgress(admission, "/vouchers", new CountDownLatch(0), started).get(5, TimeUnit.SECONDS);
        assertThat(next.getStatus()).isEqualTo(200);
        assertThat(started).containsExactly("/dashboard", "/vouchers");
    }

    @Test
    void apisStaticFilesUploadsAndDownloadsNeverWaitBehindPages() throws Exception {
        var admission = new PageAdmission(1, Duration.ofSeconds(10));
        var started = new CopyOnWriteArrayList<String>();
        var done = new CountDownLatch(1);
        inProgress(admission, "/dashboard", done, started);
        until(() -> started.size() == 1);

        for (String path : List.of("/api/v1/me", "/partner/v1/vouchers/redeem", "/assets/css/app.css",
                "/webjars/htmx.org/2.0.4/dist/htmx.min.js", "/actuator/health")) {
            assertThat(inProgress(admission, path, new CountDownLatch(0), started).get(2, TimeUnit.SECONDS).getStatus())
                    .as(path).isEqualTo(200);
        }
        // paced by the person's connection: an upload, a download
        var upload = new MockHttpServletRequest("POST", "/complaints/new");
        upload.setContentType("multipart/form-data; boundary=x");
        assertThat(inProgress(admission, upload, new CountDownLatch(0), started).get(2, TimeUnit.SECONDS).getStatus())
                .isEqualTo(200);
        for (String path : List.of("/complaints/PGD-AAAAA-BBBBB-CCCCC/attachments/1", "/ops/waves/7/selected.csv")) {
            assertThat(inProgress(admission, path, new CountDownLatch(0), started).get(2, TimeUnit.SECONDS).getStatus())
                    .as(path).isEqualTo(200);
        }
        assertThat(started).hasSize(9);
        done.countDown();
    }

    @Test
    void theBusyAnswerIsAPageForABrowserWhileTheApiStillAnswers() throws Exception {
        var done = new CountDownLatch(1);
        var started = new CopyOnWriteArrayList<String>();
        // the service's own filter, its one turn taken by a page in progress
        inProgress(registration.getFilter(), "/dashboard", done, started);
        until(() -> started.size() == 1);
        try {
            var busy = RawHttp.send(port, "GET", "/trainings", Map.of("Accept", "text/html"), "");
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isEqualTo("5");
            // the busy page in the service's default language, from the bundle the error page reads
            assertThat(busy.body()).contains("<html", messages.getMessage("error.503.title", null, Locale.of("id")))
                    .doesNotContain("Exception");

            var api = RawHttp.send(port, "GET", "/api/v1/trainings", Map.of("Accept", "application/json"), "");
            assertThat(api.status()).isEqualTo(200);
        } finally {
            done.countDown();
        }
        until(() -> RawHttp.send(port, "GET", "/trainings", Map.of("Accept", "text/html"), "").status() == 200);
    }
}
