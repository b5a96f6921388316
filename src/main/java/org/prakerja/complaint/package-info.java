/**
 * Complaints (pengaduan, R-80, R-85): tickets, their status, the conversation between filer and
 * operators, attachments, and the operators' queue with its service level.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "audit", "login", "notification"})
package org.prakerja.complaint;
