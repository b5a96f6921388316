/**
 * The outbox and its SMS, email and in-app channels, with texts from the message bundles.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "database", "job"})
package org.prakerja.notification;
