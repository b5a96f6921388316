package org.prakerja.job;

import java.util.UUID;

/**
 * What a one-time job carries in db-scheduler's table from the instance that started it to the
 * one that runs it.
 *
 * @param wave the wave it is about, or null for a job of the whole program
 */
record JobOrder(UUID jobId, Integer wave) {
}
