package org.prakerja.wave;

import java.util.EnumSet;
import java.util.OptionalInt;
import org.prakerja.job.JobDefinition;
import org.prakerja.job.JobProgress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Selection and announcement as jobs an operator starts for a wave. Either may run again from the
 * start on another instance when its own dies: selection is one transaction, announcement goes on
 * from the applicants it has not announced yet.
 */
@Configuration(proxyBeanMethods = false)
class WaveJobs {

    static final String SELECTION = "selection";
    static final String ANNOUNCEMENT = "announcement";

    @Bean
    JobDefinition selectionJob(Selection selection, Waves waves) {
        return new JobDefinition() {
            @Override
            public String kind() {
                return SELECTION;
            }

            @Override
            public void run(OptionalInt wave, JobProgress progress) {
                int number = wave.orElseThrow();
                if (selection.run(number, progress)) {
                    return;
                }
                var status = waves.find(number).map(Wave::status).orElseThrow();
                if (!EnumSet.of(WaveStatus.SELECTED, WaveStatus.ANNOUNCED).contains(status)) {
                    throw new IllegalStateException("wave " + number + " is " + status + ": selection needs it CLOSED");
                }
                // an earlier run of this job selected it and its instance died before the job's end was written
                long applicants = selection.report(number).orElseThrow().applicants();
                progress.total(applicants);
                progress.advance(applicants);
            }
        };
    }

    @Bean
    JobDefinition announcementJob(Announcement announcement) {
        return new JobDefinition() {
            @Override
            public String kind() {
                return ANNOUNCEMENT;
            }

            @Override
            public void run(OptionalInt wave, JobProgress progress) {
                announcement.run(wave.orElseThrow(), progress);
            }
        };
    }
}
