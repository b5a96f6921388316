package org.prakerja.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CardNumberTest {

    @Test
    @DisplayName("R-24 the check digit is Luhn's (the textbook 7992739871 gets 3)")
    void luhnCheckDigit() {
        assertThat(CardNumber.checkDigit("7992739871")).isEqualTo(3);
        assertThat(CardNumber.checkDigit("000000000000000")).isZero();
    }

    @RepeatedTest(20)
    @DisplayName("R-24 a drawn card number is 16 digits behind the program prefix with a valid check digit")
    void drawnNumbersAreValid() {
        var number = CardNumber.random();
        assertThat(number.value()).hasSize(16).startsWith(CardNumber.PREFIX).containsOnlyDigits();
        assertThat(CardNumber.isWellFormed(number.value())).isTrue();
    }

    @Test
    @DisplayName("R-24 a number whose last digit is not its check digit is no card number")
    void wrongCheckDigit() {
        String valid = CardNumber.random().value();
        String wrong = valid.substring(0, 15) + (char) ('0' + (valid.charAt(15) - '0' + 1) % 10);
        assertThat(CardNumber.isWellFormed(wrong)).isFalse();
        assertThatThrownBy(() -> new CardNumber(wrong)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R-24 a swap of two neighbouring digits is caught by the check digit")
    void swappedDigits() {
        String valid = "95" + "1234567890123";
        valid = valid + CardNumber.checkDigit(valid);
        String swapped = valid.substring(0, 3) + valid.charAt(4) + valid.charAt(3) + valid.substring(5);
        assertThat(CardNumber.isWellFormed(valid)).isTrue();
        assertThat(CardNumber.isWellFormed(swapped)).isFalse();
    }

    @Test
    @DisplayName("R-24 anything but 16 digits is no card number")
    void notSixteenDigits() {
        assertThat(CardNumber.isWellFormed(null)).isFalse();
        assertThat(CardNumber.isWellFormed("")).isFalse();
        assertThat(CardNumber.isWellFormed("79927398713")).isFalse();
        assertThat(CardNumber.isWellFormed("95123456789012a4")).isFalse();
    }

    @Test
    @DisplayName("R-24 the number is a secret: masked to its last four digits, also in toString")
    void masked() {
        var number = CardNumber.random();
        assertThat(number.last4()).isEqualTo(number.value().substring(12));
        assertThat(number.masked()).endsWith(number.last4()).doesNotContain(number.value().substring(0, 12));
        assertThat(number.toString()).doesNotContain(number.value());
    }
}
