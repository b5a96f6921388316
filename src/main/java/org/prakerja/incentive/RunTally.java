package org.prakerja.incentive;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What one disbursement run has done so far, counted by its workers at once. */
final class RunTally {

    final AtomicInteger settled = new AtomicInteger();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger paid = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();
    final AtomicLong claimingNanos = new AtomicLong();
    final AtomicLong payingNanos = new AtomicLong();
    final AtomicLong recordingNanos = new AtomicLong();

    Disbursement.Run run() {
        return new Disbursement.Run(settled.get(), sent.get(), paid.get(), refused.get(), failed.get(), unanswered.get(),
                Duration.ofNanos(claimingNanos.get()), Duration.ofNanos(payingNanos.get()),
                Duration.ofNanos(recordingNanos.get()));
    }
}
