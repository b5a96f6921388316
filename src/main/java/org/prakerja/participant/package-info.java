/**
 * The participant's dashboard and the notices other modules' facts cause.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "card", "incentive", "login", "notification", "registration", "training", "wave"})
package org.prakerja.participant;
