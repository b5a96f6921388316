package org.prakerja.job;

import java.time.Duration;

/** When a job runs by itself, on one instance each round. */
public sealed interface JobSchedule {

    /** At the times a Spring-style six-field cron expression names, in the server's time zone. */
    record Cron(String expression) implements JobSchedule {
    }

    /** Again this long after the previous round ended. */
    record FixedDelay(Duration delay) implements JobSchedule {
    }
}
