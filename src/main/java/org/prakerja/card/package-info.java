/**
 * Card numbers, card state, the first-purchase deadline and its reminders (R-24, R-30..R-33).
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "database", "job", "ledger", "notification", "scheme"})
package org.prakerja.card;
