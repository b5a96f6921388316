package org.prakerja.ledger;

import java.util.UUID;

/**
 * A ledger account, named {@code KIND} or {@code KIND:owner}. Card accounts are keyed by the card's
 * id, never by its number, which is a secret.
 */
public record AccountId(String value) {

    public static final AccountId PROGRAM_FUND = new AccountId("PROGRAM_FUND");
    public static final AccountId PAID_OUT = new AccountId("PAID_OUT");
    /**
     * R-72 incentives on their way to the provider: a pending transfer moves each from its
     * participant's payable account here, and posting pays it out ({@link #PAID_OUT}) or voiding
     * returns it. One account for every payout in flight, so a batch of a thousand changes one
     * balance here, not a thousand, and opens no account; whose money it is stays on each pending
     * transfer. Of kind INCENTIVE_PAYABLE, so reconciliation counts it as still held.
     */
    public static final AccountId INCENTIVE_IN_FLIGHT = new AccountId("INCENTIVE_PAYABLE:in-flight");

    public AccountId {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("invalid account id");
        }
        AccountKind.valueOf(value.split(":", 2)[0]);
    }

    public static AccountId cardBalance(UUID cardId) {
        return new AccountId(AccountKind.CARD_BALANCE + ":" + cardId);
    }

    public static AccountId reserved(UUID cardId) {
        return new AccountId(AccountKind.RESERVED + ":" + cardId);
    }

    public static AccountId platformPayable(String platformId) {
        return new AccountId(AccountKind.PLATFORM_PAYABLE + ":" + platformId);
    }

    public static AccountId incentivePayable(UUID participantId) {
        return new AccountId(AccountKind.INCENTIVE_PAYABLE + ":" + participantId);
    }

    public AccountKind kind() {
        return AccountKind.valueOf(value.split(":", 2)[0]);
    }

    @Override
    public String toString() {
        return value;
    }
}
