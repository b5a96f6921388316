/**
 * The audit trail: every operator act that changes state, every login, lockout and
 * password reset, written in the transaction of the act, append-only, readable by AUDITOR and ADMIN.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "database"})
package org.prakerja.audit;
