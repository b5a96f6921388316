package org.prakerja.job;

/**
 * A job that runs on a schedule and that an operator can run now
 * ({@code POST /api/v1/ops/jobs/{kind}}). Modules declare theirs as beans.
 */
public interface JobDefinition {

    /** The kind in the URL, e.g. {@code deadline-enforcement}. */
    String kind();

    void run(Progress progress);
}
