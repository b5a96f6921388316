package org.prakerja.card;

/**
 * A card's state, the one table of its moves: issued ACTIVE at designation, DEACTIVATED
 * (dicabut) when no training is bought before the deadline, and never back.
 */
public enum CardStatus {
    ACTIVE, DEACTIVATED;

    public boolean canMoveTo(CardStatus next) {
        return this == ACTIVE && next == DEACTIVATED;
    }

    /** R-33 a deactivated card buys nothing and earns no incentive. */
    public boolean canBuy() {
        return this == ACTIVE;
    }
}
