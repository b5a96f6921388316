package org.prakerja.ledger;

/** The kinds of ledger accounts, as reconciliation reports them. */
public enum AccountKind {
    PROGRAM_FUND,
    CARD_BALANCE,
    RESERVED,
    PLATFORM_PAYABLE,
    INCENTIVE_PAYABLE,
    PAID_OUT
}
