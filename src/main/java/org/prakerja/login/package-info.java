/**
 * Who someone is: credentials (email and password, Argon2id), API tokens and portal sessions, the
 * password policy and resets, and the login lockout.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "database", "audit", "notification"})
package org.prakerja.login;
