/**
 * Jobs on db-scheduler: operators' runs with progress, and the recurring rounds.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "audit"})
package org.prakerja.job;
