package org.prakerja.notification;

import java.util.Optional;
import java.util.OptionalInt;
import org.prakerja.job.JobDefinition;
import org.prakerja.job.JobSchedule;
import org.prakerja.job.JobSettings;
import org.prakerja.job.JobProgress;
import org.springframework.stereotype.Component;

/** Relays the outbox every {@code prakerja.jobs.outbox-relay-delay}, on one instance a round. */
@Component
class OutboxRelayJob implements JobDefinition {

    private final OutboxRelay relay;
    private final JobSettings settings;

    OutboxRelayJob(OutboxRelay relay, JobSettings settings) {
        this.relay = relay;
        this.settings = settings;
    }

    @Override
    public String kind() {
        return "outbox-relay";
    }

    @Override
    public Optional<JobSchedule> schedule() {
        return Optional.of(new JobSchedule.FixedDelay(settings.outboxRelayDelay()));
    }

    @Override
    public void run(OptionalInt wave, JobProgress progress) {
        progress.total(relay.pending());
        progress.advance(relay.relayAll());
    }
}
