/**
 * Incentives (R-70..R-74): payout accounts through the payment provider's port, eligibility from
 * the training and card modules' events, the instalment and survey schedule, and disbursement in
 * batches through the ledger's two-phase transfers. {@code provider} holds the provider's local
 * stand-in and its sandbox endpoints.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web", "audit", "card", "job", "ledger", "login", "notification", "registration", "scheme", "training", "wave"})
package org.prakerja.incentive;
