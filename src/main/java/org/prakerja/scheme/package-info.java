/**
 * Schemes: the program's parameters per set of waves (balance, incentives, surveys,
 * first-purchase deadline, age range), immutable once created.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "audit"})
package org.prakerja.scheme;
