package org.prakerja.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class JobsTest {

    @Autowired
    Jobs jobs;

    @Test
    @DisplayName("a scheduled job runs on one instance at a time: the lease lets exactly one in")
    void leaseLetsOneIn() throws Exception {
        String name = "test-" + UUID.randomUUID();
        var runs = new AtomicInteger();
        var inside = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> jobs.exclusively(name, Duration.ofMinutes(5), () -> {
                runs.incrementAndGet();
                inside.countDown();
                await(release);
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            var second = pool.submit(() -> jobs.exclusively(name, Duration.ofMinutes(5), runs::incrementAndGet));
            assertThat(second.get()).isFalse();
            release.countDown();
            assertThat(first.get()).isTrue();
        }
        assertThat(runs.get()).isEqualTo(1);
        // the lease is given back when the run ends
        assertThat(jobs.exclusively(name, Duration.ofMinutes(5), runs::incrementAndGet)).isTrue();
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    @DisplayName("a job records its progress and its end; a failing job records its error")
    void progressAndFailure() throws Exception {
        UUID ok = jobs.start("test", p -> {
            p.total(10);
            p.advance(4);
            p.advance(6);
        });
        UUID bad = jobs.start("test", p -> {
            throw new IllegalStateException("boom");
        });
        var done = awaitEnd(ok);
        assertThat(done.state()).isEqualTo("SUCCEEDED");
        assertThat(done.done()).isEqualTo(10);
        assertThat(done.total()).isEqualTo(10);
        assertThat(done.finishedAt()).isNotNull();
        var failed = awaitEnd(bad);
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.error()).contains("boom");
    }

    private JobView awaitEnd(UUID id) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var job = jobs.find(id).orElseThrow();
            if (!job.state().equals("RUNNING")) {
                return job;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("job did not end");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
