/**
 * Redemption, pre-test, completion, certificates and reviews (R-60..R-65).
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "catalog", "login", "notification", "partner", "purchase", "registration"})
package org.prakerja.training;
