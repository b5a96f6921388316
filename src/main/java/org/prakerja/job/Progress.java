package org.prakerja.job;

/** How a running job reports how far it has come. */
public interface Progress {

    void total(long total);

    void advance(long by);
}
