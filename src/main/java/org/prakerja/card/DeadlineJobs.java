package org.prakerja.card;

import org.prakerja.job.JobDefinition;
import org.prakerja.job.JobSchedule;
import org.prakerja.job.JobSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** R-31 reminders and enforcement, each a round on {@code prakerja.jobs.deadline-cron}. */
@Configuration(proxyBeanMethods = false)
class DeadlineJobs {

    @Bean
    JobDefinition deadlineEnforcement(Deadlines deadlines, JobSettings settings) {
        return JobDefinition.scheduled("deadline-enforcement", new JobSchedule.Cron(settings.deadlineCron()),
                deadlines::enforce);
    }

    @Bean
    JobDefinition deadlineReminders(Deadlines deadlines, JobSettings settings) {
        return JobDefinition.scheduled("deadline-reminders", new JobSchedule.Cron(settings.deadlineCron()),
                deadlines::remind);
    }
}
