package org.prakerja.registration;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.prakerja.job.JobDefinition;
import org.prakerja.job.JobProgress;
import org.prakerja.job.JobSchedule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rechecks AWAITING identities every {@code prakerja.civil-registry.recheck-delay}, batch after
 * batch until none is left or the registry is still unreachable; an operator can run it now
 * (POST /api/v1/ops/jobs/identity-recheck) once the registry is back.
 */
@Component
class IdentityRecheckJob implements JobDefinition {

    private final IdentityRecheck recheck;
    private final Duration delay;
    private final int batchSize;

    IdentityRecheckJob(IdentityRecheck recheck,
            @Value("${prakerja.civil-registry.recheck-delay:PT5M}") Duration delay,
            @Value("${prakerja.civil-registry.recheck-batch:100}") int batchSize) {
        this.recheck = recheck;
        this.delay = delay;
        this.batchSize = batchSize;
    }

    @Override
    public String kind() {
        return "identity-recheck";
    }

    @Override
    public Optional<JobSchedule> schedule() {
        return Optional.of(new JobSchedule.FixedDelay(delay));
    }

    @Override
    public void run(OptionalInt wave, JobProgress progress) {
        progress.total(recheck.awaiting());
        while (true) {
            var round = recheck.batch(batchSize);
            progress.advance(round.decided());
            if (round.registryUnavailable() || round.decided() < batchSize) {
                return;
            }
        }
    }
}
