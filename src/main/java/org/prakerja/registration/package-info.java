/**
 * Accounts of participants, NIK checks, verification codes, the basic test (R-10..R-14).
 * Its identity-recheck job (the civil registry unreachable at registration) is why it uses job.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "login", "notification", "job"})
package org.prakerja.registration;
