package org.prakerja.card;

import org.prakerja.job.JobDefinition;
import org.prakerja.job.Progress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeadlineJobs {

    @Bean
    JobDefinition deadlineEnforcement(Deadlines deadlines) {
        return new JobDefinition() {
            @Override
            public String kind() {
                return "deadline-enforcement";
            }

            @Override
            public void run(Progress progress) {
                deadlines.enforce(progress);
            }
        };
    }

    @Bean
    JobDefinition deadlineReminders(Deadlines deadlines) {
        return new JobDefinition() {
            @Override
            public String kind() {
                return "deadline-reminders";
            }

            @Override
            public void run(Progress progress) {
                deadlines.remind(progress);
            }
        };
    }
}
