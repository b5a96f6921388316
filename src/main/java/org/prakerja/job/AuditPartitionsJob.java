package org.prakerja.job;

import org.prakerja.audit.AuditPartitions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * R-84 upkeep: the audit trail's partitions for this month's next two, made every night (and on
 * demand), so a month's partition always exists before its first entry.
 */
@Configuration(proxyBeanMethods = false)
class AuditPartitionsJob {

    /** Months ahead: one missed night, or a month's turn on a weekend, still finds its table made. */
    static final int MONTHS_AHEAD = 2;

    @Bean
    JobDefinition auditPartitionsJobDefinition(AuditPartitions partitions) {
        return JobDefinition.scheduled("audit-partitions", new JobSchedule.Cron("0 30 2 * * *"), progress -> {
            progress.total(MONTHS_AHEAD);
            partitions.makeAhead(MONTHS_AHEAD);
            progress.advance(MONTHS_AHEAD);
        });
    }
}
