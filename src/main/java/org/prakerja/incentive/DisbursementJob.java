package org.prakerja.incentive;

import java.util.Optional;
import java.util.OptionalInt;
import org.prakerja.job.JobDefinition;
import org.prakerja.job.JobSchedule;
import org.prakerja.job.Progress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** R-72 disbursement: a round on {@code prakerja.incentive.disbursement-cron}, and on demand. */
@Configuration(proxyBeanMethods = false)
class DisbursementJob {

    static final String KIND = "disbursement";

    @Bean
    JobDefinition disbursementJobDefinition(Disbursement disbursement, IncentiveSettings settings) {
        return new JobDefinition() {
            @Override
            public String kind() {
                return KIND;
            }

            @Override
            public Optional<JobSchedule> schedule() {
                return Optional.of(new JobSchedule.Cron(settings.disbursementCron()));
            }

            @Override
            public void run(OptionalInt wave, Progress progress) {
                disbursement.run(progress);
            }
        };
    }
}
