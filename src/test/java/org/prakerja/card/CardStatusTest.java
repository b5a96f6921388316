package org.prakerja.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.card.CardStatus.ACTIVE;
import static org.prakerja.card.CardStatus.DEACTIVATED;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CardStatusTest {

    @Test
    @DisplayName("R-31 an active card can be deactivated (dicabut)")
    void deactivation() {
        assertThat(ACTIVE.canMoveTo(DEACTIVATED)).isTrue();
    }

    @Test
    @DisplayName("R-31 a deactivated card never becomes active again")
    void noWayBack() {
        assertThat(DEACTIVATED.canMoveTo(ACTIVE)).isFalse();
    }

    @Test
    @DisplayName("R-31 a card does not move to the state it is in")
    void noMoveInPlace() {
        assertThat(ACTIVE.canMoveTo(ACTIVE)).isFalse();
        assertThat(DEACTIVATED.canMoveTo(DEACTIVATED)).isFalse();
    }

    @Test
    @DisplayName("R-33 a deactivated card can buy nothing; an active one can")
    void onlyActiveBuys() {
        assertThat(ACTIVE.canBuy()).isTrue();
        assertThat(DEACTIVATED.canBuy()).isFalse();
    }
}
