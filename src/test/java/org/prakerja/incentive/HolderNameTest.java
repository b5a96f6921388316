package org.prakerja.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-71 the provider's holder name against the registered full name. */
class HolderNameTest {

    @Test
    @DisplayName("R-71 case, spaces and punctuation are ignored")
    void caseSpacesAndPunctuation() {
        assertThat(HolderName.matches("Budi  Santoso,", "Budi Santoso")).isTrue();
        assertThat(HolderName.matches("BUDI SANTOSO", "Budi Santoso")).isTrue();
        assertThat(HolderName.matches("budi.santoso", "BUDI  SANTOSO,")).isTrue();
        assertThat(HolderName.matches("Sí-ti  Aminah", "SITI AMINAH")).isTrue();
    }

    @Test
    @DisplayName("R-71 another name, a missing word, or nothing at all does not match")
    void otherNames() {
        assertThat(HolderName.matches("Siti Aminah", "Budi Santoso")).isFalse();
        assertThat(HolderName.matches("Budi", "Budi Santoso")).isFalse();
        assertThat(HolderName.matches("Budi Santosa", "Budi Santoso")).isFalse();
        assertThat(HolderName.matches(" ,. ", "")).isFalse();
    }

    @Test
    @DisplayName("R-72 a payout's moves: PAID is final, FAILED only goes back to SCHEDULED")
    void payoutMoves() {
        assertThat(PayoutStatus.SCHEDULED.canMoveTo(PayoutStatus.PROCESSING)).isTrue();
        assertThat(PayoutStatus.SCHEDULED.canMoveTo(PayoutStatus.PAID)).isFalse();
        assertThat(PayoutStatus.PROCESSING.canMoveTo(PayoutStatus.PAID)).isTrue();
        assertThat(PayoutStatus.PROCESSING.canMoveTo(PayoutStatus.FAILED)).isTrue();
        assertThat(PayoutStatus.FAILED.canMoveTo(PayoutStatus.SCHEDULED)).isTrue();
        for (var to : PayoutStatus.values()) {
            assertThat(PayoutStatus.PAID.canMoveTo(to)).isFalse();
        }
    }
}
