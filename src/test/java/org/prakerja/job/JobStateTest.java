package org.prakerja.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.job.JobState.FAILED;
import static org.prakerja.job.JobState.RUNNING;
import static org.prakerja.job.JobState.SUCCEEDED;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JobStateTest {

    @Test
    @DisplayName("a running job ends succeeded or failed, or runs again on another instance")
    void runningMoves() {
        assertThat(RUNNING.canMoveTo(SUCCEEDED)).isTrue();
        assertThat(RUNNING.canMoveTo(FAILED)).isTrue();
        assertThat(RUNNING.canMoveTo(RUNNING)).isTrue();
    }

    @Test
    @DisplayName("an ended job never moves again, so a late run cannot overwrite its end")
    void endedStays() {
        for (var ended : new JobState[] {SUCCEEDED, FAILED}) {
            for (var next : JobState.values()) {
                assertThat(ended.canMoveTo(next)).as(ended + " -> " + next).isFalse();
            }
        }
        assertThat(JobState.movingTo(SUCCEEDED)).containsExactly("RUNNING");
    }
}
