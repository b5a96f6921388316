package org.prakerja.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How jobs run (db-scheduler) and when the scheduled ones come round.
 *
 * @param schedule whether this instance puts the recurring jobs on the schedule; tests switch it
 *        off and run them over the operator API, so a round never lands in the middle of a test
 * @param outboxRelayDelay pause between outbox relay rounds
 * @param deadlineCron when deadline reminders and enforcement run (Spring-style cron, six fields)
 * @param pollingInterval how often an instance looks for due work another instance scheduled; the
 *        instance that takes an operator's request starts its job at once
 * @param heartbeatInterval how often a running job says it is alive
 * @param missedHeartbeatsLimit after this many missed heartbeats a running job's instance is taken
 *        for dead and another instance runs the job again
 * @param shutdownMaxWait how long a stopping instance lets its running jobs go on; what is still
 *        running then is interrupted and left to another instance
 */
@ConfigurationProperties("prakerja.jobs")
public record JobSettings(
        @DefaultValue Schedule schedule,
        @DefaultValue("PT1S") Duration outboxRelayDelay,
        @DefaultValue("0 5 * * * *") String deadlineCron,
        @DefaultValue("PT1S") Duration pollingInterval,
        @DefaultValue("PT10S") Duration heartbeatInterval,
        @DefaultValue("6") int missedHeartbeatsLimit,
        @DefaultValue("PT30S") Duration shutdownMaxWait) {

    public record Schedule(@DefaultValue("true") boolean enabled) {
    }
}
