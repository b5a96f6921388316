package org.prakerja.incentive;

import org.prakerja.job.JobDefinition;
import org.prakerja.job.JobSchedule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** R-72 disbursement: a round on {@code prakerja.incentive.disbursement-cron}, and on demand. */
@Configuration(proxyBeanMethods = false)
class DisbursementJob {

    static final String KIND = "disbursement";

    @Bean
    JobDefinition disbursementJobDefinition(Disbursement disbursement, IncentiveSettings settings) {
        return JobDefinition.scheduled(KIND, new JobSchedule.Cron(settings.disbursementCron()), disbursement::run);
    }
}
