package org.prakerja.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prakerja.common.InvalidInput;

class NikTest {

    @Test
    @DisplayName("R-11 a NIK is 16 digits whose digits 7-12 are the birth date DDMMYY")
    void wellFormed() {
        assertThat(new Nik("3171011505900001").value()).isEqualTo("3171011505900001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "317101150590001", "31710115059000011", "31710115059000A1", "3171 11505900001"})
    @DisplayName("R-11 anything but 16 digits is not a NIK")
    void notSixteenDigits(String value) {
        assertThatThrownBy(() -> new Nik(value)).isInstanceOf(InvalidInput.class).hasMessageContaining("16 digits");
    }

    @Test
    @DisplayName("R-11 no NIK without a value")
    void nullIsNotANik() {
        assertThatThrownBy(() -> new Nik(null)).isInstanceOf(InvalidInput.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3171010005900001", "3171013205900001", "3171017205900001", "3171011500900001",
            "3171011513900001"})
    @DisplayName("R-11 digits 7-12 must be a real day (1-31, or 41-71 for women) and month (1-12)")
    void birthDateDigits(String value) {
        assertThatThrownBy(() -> new Nik(value)).isInstanceOf(InvalidInput.class).hasMessageContaining("DDMMYY");
    }

    @Test
    @DisplayName("R-11 the serial (digits 13-16) is never 0000")
    void serialNotZero() {
        assertThatThrownBy(() -> new Nik("3171011505900000")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("serial");
    }

    @Test
    @DisplayName("R-11 a man's NIK carries his birth date as it is")
    void agreesWithMan() {
        var nik = new Nik("3171011505900001");
        assertThat(nik.agreesWith(LocalDate.of(1990, 5, 15), Gender.M)).isTrue();
        assertThat(nik.agreesWith(LocalDate.of(1990, 5, 15), Gender.F)).isFalse();
    }

    @Test
    @DisplayName("R-11 a woman's NIK has 40 added to the day of her birth")
    void agreesWithWoman() {
        var nik = new Nik("3171015505900001");
        assertThat(nik.agreesWith(LocalDate.of(1990, 5, 15), Gender.F)).isTrue();
        assertThat(nik.agreesWith(LocalDate.of(1990, 5, 15), Gender.M)).isFalse();
    }

    @Test
    @DisplayName("R-11 a NIK disagrees with another birth day, month or year")
    void disagreesWithOtherDates() {
        var nik = new Nik("3171011505900001");
        assertThat(nik.agreesWith(LocalDate.of(1990, 5, 16), Gender.M)).isFalse();
        assertThat(nik.agreesWith(LocalDate.of(1990, 6, 15), Gender.M)).isFalse();
        assertThat(nik.agreesWith(LocalDate.of(1991, 5, 15), Gender.M)).isFalse();
    }

    @Test
    @DisplayName("R-11 a NIK is never shown whole: masked, and its toString shows only the last four digits")
    void masked() {
        var nik = new Nik("3171011505900001");
        assertThat(nik.masked()).isEqualTo("3171********0001");
        assertThat(nik.toString()).doesNotContain("3171011505900001").doesNotContain("150590");
    }
}
