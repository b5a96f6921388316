package org.prakerja.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every job definition on its schedule, cluster-safe: a lease in the database lets one
 * instance run each job at a time.
 */
@Component
@ConditionalOnProperty(name = "prakerja.jobs.schedule.enabled", havingValue = "true", matchIfMissing = true)
class ScheduledJobs {

    private final Jobs jobs;
    private final Map<String, JobDefinition> definitions;

    ScheduledJobs(Jobs jobs, List<JobDefinition> definitions) {
        this.jobs = jobs;
        this.definitions = definitions.stream().collect(Collectors.toMap(JobDefinition::kind, Function.identity()));
    }

    @Scheduled(fixedDelayString = "${prakerja.jobs.outbox-relay-delay:PT1S}", initialDelayString = "PT5S")
    void relayOutbox() {
        runIfDefined("outbox-relay", Duration.ofMinutes(5));
    }

    @Scheduled(cron = "${prakerja.jobs.deadline-cron:0 5 * * * *}")
    void deadlines() {
        runIfDefined("deadline-reminders", Duration.ofMinutes(30));
        runIfDefined("deadline-enforcement", Duration.ofMinutes(30));
    }

    private void runIfDefined(String kind, Duration lease) {
        var definition = definitions.get(kind);
        if (definition != null) {
            jobs.exclusively(kind, lease, () -> definition.run(Progresses.NONE));
        }
    }
}
