package org.prakerja.job;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A kind of job. Modules declare theirs as beans; any instance can run any of them, so a job an
 * operator started goes on elsewhere when its instance dies. A job must therefore be safe to run
 * again from the start after a crash at any point: work in transactions and skip what is done.
 */
public interface JobDefinition {

    /** The kind, e.g. {@code deadline-enforcement}: the job's name in the URL and in the database. */
    String kind();

    /**
     * When it also runs by itself. A job with a schedule can be run now by an operator
     * ({@code POST /api/v1/ops/jobs/{kind}}); one without runs only when a module starts it.
     */
    default Optional<JobSchedule> schedule() {
        return Optional.empty();
    }

    /**
     * Does the work.
     *
     * @param wave the wave the job was started for ({@link Jobs#start(String, int)}); empty for a
     *        job of the whole program
     */
    void run(OptionalInt wave, JobProgress progress);

    /** A job of the whole program (no wave) that also runs by itself on {@code schedule}. */
    static JobDefinition scheduled(String kind, JobSchedule schedule, Consumer<JobProgress> work) {
        return new JobDefinition() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Optional<JobSchedule> schedule() {
                return Optional.of(schedule);
            }

            @Override
            public void run(OptionalInt wave, JobProgress progress) {
                work.accept(progress);
            }
        };
    }
}
