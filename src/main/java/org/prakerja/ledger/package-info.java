/**
 * The double-entry ledger: accounts, transfers (pending, posted, voided), balances, reconciliation.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common"})
package org.prakerja.ledger;
