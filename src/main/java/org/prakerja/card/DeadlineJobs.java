package org.prakerja.card;

import java.util.Optional;
import java.util.OptionalInt;
import org.prakerja.job.JobDefinition;
import org.prakerja.job.JobSchedule;
import org.prakerja.job.JobSettings;
import org.prakerja.job.Progress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** R-31 reminders and enforcement, each a round on {@code prakerja.jobs.deadline-cron}. */
@Configuration(proxyBeanMethods = false)
class DeadlineJobs {

    @Bean
    JobDefinition deadlineEnforcement(Deadlines deadlines, JobSettings settings) {
        return new JobDefinition() {
            @Override
            public String kind() {
                return "deadline-enforcement";
            }

            @Override
            public Optional<JobSchedule> schedule() {
                return Optional.of(new JobSchedule.Cron(settings.deadlineCron()));
            }

            @Override
            public void run(OptionalInt wave, Progress progress) {
                deadlines.enforce(progress);
            }
        };
    }

    @Bean
    JobDefinition deadlineReminders(Deadlines deadlines, JobSettings settings) {
        return new JobDefinition() {
            @Override
            public String kind() {
                return "deadline-reminders";
            }

            @Override
            public Optional<JobSchedule> schedule() {
                return Optional.of(new JobSchedule.Cron(settings.deadlineCron()));
            }

            @Override
            public void run(OptionalInt wave, Progress progress) {
                deadlines.remind(progress);
            }
        };
    }
}
