package org.prakerja.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RupiahTest {

    @Test
    @DisplayName("R-25 money is whole rupiah, shown as Rp1.000.000")
    void formatted() {
        assertThat(Rupiah.of(1_000_000).formatted()).isEqualTo("Rp1.000.000");
        assertThat(Rupiah.of(3_500_000).toString()).isEqualTo("Rp3.500.000");
        assertThat(Rupiah.of(50_000).formatted()).isEqualTo("Rp50.000");
        assertThat(Rupiah.ZERO.formatted()).isEqualTo("Rp0");
    }

    @Test
    @DisplayName("R-32 an amount is never below zero")
    void neverNegative() {
        assertThatThrownBy(() -> Rupiah.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rupiah.of(100).minus(Rupiah.of(101))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("R-32 a balance covers a price up to and including its own amount")
    void covers() {
        assertThat(Rupiah.of(1_000_000).covers(Rupiah.of(1_000_000))).isTrue();
        assertThat(Rupiah.of(1_000_000).covers(Rupiah.of(1_000_001))).isFalse();
        assertThat(Rupiah.ZERO.covers(Rupiah.ZERO)).isTrue();
    }

    @Test
    @DisplayName("R-25 sums are exact: adding, subtracting and multiplying never round and never overflow silently")
    void arithmetic() {
        assertThat(Rupiah.of(600_000).plus(Rupiah.of(50_000))).isEqualTo(Rupiah.of(650_000));
        assertThat(Rupiah.of(600_000).minus(Rupiah.of(600_000)).isZero()).isTrue();
        assertThat(Rupiah.of(150_000).times(4)).isEqualTo(Rupiah.of(600_000));
        assertThatThrownBy(() -> Rupiah.of(Long.MAX_VALUE).plus(Rupiah.of(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Rupiah.of(Long.MAX_VALUE).times(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    @DisplayName("R-25 amounts compare by value")
    void ordering() {
        assertThat(Rupiah.of(1)).isGreaterThan(Rupiah.ZERO);
        assertThat(Rupiah.of(5)).isEqualByComparingTo(Rupiah.of(5));
    }
}
