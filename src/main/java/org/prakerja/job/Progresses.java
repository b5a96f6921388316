package org.prakerja.job;

final class Progresses {

    /** For scheduled rounds, which are not shown to operators as jobs. */
    static final Progress NONE = new Progress() {
        @Override
        public void total(long total) {
        }

        @Override
        public void advance(long by) {
        }
    };

    private Progresses() {
    }
}
