/**
 * The operators' summary report.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "card", "complaint", "incentive", "ledger", "purchase", "registration", "wave"})
package org.prakerja.operations;
