/**
 * OTP challenges, purchases, vouchers and refunds (R-50..R-53).
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "database", "card", "catalog", "ledger", "notification", "partner", "registration"})
package org.prakerja.purchase;
