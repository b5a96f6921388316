/**
 * Partner clients, request signatures and idempotency keys (docs/api.md section 3).
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "database", "login"})
package org.prakerja.partner;
