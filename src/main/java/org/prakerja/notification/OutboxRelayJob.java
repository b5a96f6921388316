package org.prakerja.notification;

import org.prakerja.job.JobDefinition;
import org.prakerja.job.Progress;
import org.springframework.stereotype.Component;

@Component
class OutboxRelayJob implements JobDefinition {

    private final OutboxRelay relay;

    OutboxRelayJob(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public String kind() {
        return "outbox-relay";
    }

    @Override
    public void run(Progress progress) {
        progress.total(relay.pending());
        progress.advance(relay.relayAll());
    }
}
