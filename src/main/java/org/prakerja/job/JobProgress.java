package org.prakerja.job;

/** How a running job reports how far it has come. */
public interface JobProgress {

    /** For scheduled rounds, which are not shown to operators as jobs. */
    JobProgress NONE = new JobProgress() {
        @Override
        public void total(long total) {
        }

        @Override
        public void advance(long by) {
        }
    };

    void total(long total);

    void advance(long by);
}
