/**
 * The sandbox: test clock, inbox, demo data (never active in production).
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "catalog", "login", "notification", "partner", "registration", "wave"})
package org.prakerja.sandbox;
