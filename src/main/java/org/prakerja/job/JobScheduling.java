package org.prakerja.job;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Jobs on db-scheduler (core library; its Spring Boot starter targets Boot 3). Every job kind is a
 * one-time task whose instances are the jobs operators and modules start; a kind with a schedule
 * is also a recurring task, which exactly one instance picks each round. Executions are picked
 * with {@code FOR UPDATE SKIP LOCKED} and keep a heartbeat; when an instance stops beating, another
 * runs its executions again.
 */
@Configuration(proxyBeanMethods = false)
class JobScheduling {

    /** A recurring task's name, beside the one-time task of the same kind. */
    static String roundOf(String kind) {
        return kind + ":round";
    }

    @Bean
    JobRunner jobRunner(JdbcClient db, PlatformTransactionManager transactions, DataSource dataSource) {
        return new JobRunner(db, transactions, new KindLock(dataSource));
    }

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<JobDefinition> definitions, JobRunner runner, JobSettings settings,
            ObjectProvider<SchedulerListener> listeners) {
        List<Task<?>> tasks = new ArrayList<>();
        List<RecurringTask<Void>> rounds = new ArrayList<>();
        var kindLock = new KindLock(dataSource);
        for (var job : definitions) {
            tasks.add(oneTime(job, runner, settings));
            job.schedule().ifPresent(schedule -> rounds.add(Tasks.recurring(roundOf(job.kind()), schedule(schedule))
                    // a round finding its kind already at work (another round, a run-now) lets it be
                    .execute((instance, execution) -> kindLock.run(job.kind(), false,
                            () -> job.run(OptionalInt.empty(), JobProgress.NONE)))));
        }
        // with the schedule off, this instance puts no round on the schedule, but it still knows the
        // rounds and runs those other instances scheduled: a task unknown to an instance would have
        // its rows deleted by that instance after some days (db-scheduler's unresolved tasks)
        if (!settings.schedule().enabled()) {
            tasks.addAll(rounds);
            rounds.clear();
        }
        var builder = Scheduler.create(dataSource, tasks)
                .startTasks(rounds) // known tasks too
                .schedulerName(new SchedulerName.Fixed(instanceName()))
                .serializer(new JsonTaskData())
                .pollingInterval(settings.pollingInterval())
                .pollUsingLockAndFetch(0.5, 1.0)
                // a job started by a request here starts now, not at the next poll
                .enableImmediateExecution()
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeatsLimit())
                .shutdownMaxWait(settings.shutdownMaxWait());
        listeners.orderedStream().forEach(builder::addSchedulerListener);
        return builder.build();
    }

    @Bean
    Jobs jobs(JdbcClient db, Scheduler scheduler, List<JobDefinition> definitions) {
        return new Jobs(db, scheduler,
                definitions.stream().map(JobDefinition::kind).collect(Collectors.toUnmodifiableSet()),
                definitions.stream().filter(d -> d.schedule().isPresent()).map(JobDefinition::kind)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Starts polling once every bean is ready (Flyway has made the table). A stopped context only
     * pauses it: Spring's test context cache stops the contexts it keeps and starts them again,
     * and a db-scheduler {@code Scheduler} starts only once. It stops for good with the bean, after
     * the web server, before the data source.
     */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (scheduler.getSchedulerState().isStarted()) {
                    scheduler.resume();
                } else {
                    scheduler.start();
                }
                running = true;
            }

            @Override
            public void stop() {
                scheduler.pause();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    private static OneTimeTask<JobOrder> oneTime(JobDefinition job, JobRunner runner, JobSettings settings) {
        return Tasks.oneTime(job.kind(), JobOrder.class)
                // reached only when a run was cut off by its instance's shutdown, or could not write
                // its failure (JobRunner records every other failure as FAILED): try again soon
                .onFailure(new FailureHandler.OnFailureRetryLater<>(settings.pollingInterval()))
                .onDeadExecutionRevive()
                .execute((instance, execution) -> runner.run(job, instance.getData(), execution));
    }

    private static Schedule schedule(JobSchedule schedule) {
        return switch (schedule) {
            case JobSchedule.Cron cron -> Schedules.cron(cron.expression());
            case JobSchedule.FixedDelay delay -> Schedules.fixedDelay(delay.delay());
        };
    }

    /** Shown in {@code scheduled_tasks.picked_by}: which instance runs what. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
