/**
 * Waves, applications, reproducible selection and announcement (R-20..R-24).
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "audit", "card", "job", "login", "notification", "registration", "scheme"})
package org.prakerja.wave;
