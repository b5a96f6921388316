package org.prakerja.sandbox;

/** One part of the sandbox's demo data; each must be safe to run at every start. */
interface SeedStep {

    void seed();
}
