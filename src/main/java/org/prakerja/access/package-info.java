/**
 * Logins, sessions, password policy and resets, the login lockout, and the web edge (path
 * canonicalisation, throttles, problems from filters).
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "audit", "notification"})
package org.prakerja.access;
