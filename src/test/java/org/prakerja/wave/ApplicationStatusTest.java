package org.prakerja.wave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.wave.ApplicationStatus.NOT_SELECTED;
import static org.prakerja.wave.ApplicationStatus.PENDING;
import static org.prakerja.wave.ApplicationStatus.SELECTED;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.scheme.Scheme;

class ApplicationStatusTest {

    @Test
    @DisplayName("R-22 selection moves a pending application to selected or not selected, once")
    void selectionDecidesOnce() {
        assertThat(PENDING.canMoveTo(SELECTED)).isTrue();
        assertThat(PENDING.canMoveTo(NOT_SELECTED)).isTrue();
        for (var decided : new ApplicationStatus[] {SELECTED, NOT_SELECTED}) {
            for (var next : ApplicationStatus.values()) {
                assertThat(decided.canMoveTo(next)).as(decided + " -> " + next).isFalse();
            }
        }
        assertThat(PENDING.canMoveTo(PENDING)).isFalse();
    }

    @Test
    @DisplayName("the SQL guard of a move is read from the move table")
    void sqlGuardFromTheTable() {
        assertThat(ApplicationStatus.sqlMovingTo(SELECTED)).isEqualTo("('PENDING')");
        assertThat(ApplicationStatus.sqlMovingTo(PENDING)).isEqualTo("()");
        assertThat(Exclusions.RECIPIENT).isEqualTo("status = 'SELECTED'");
    }

    @Test
    @DisplayName("R-13 with R-25 the age range as birth dates: 18 on the day is in, 65 on the day is out under NORMAL_2023")
    void ageBounds() {
        var day = LocalDate.of(2023, 6, 15);
        var normal = new Scheme("N", 3_500_000, 600_000, 1, 30, 50_000, 2, 15, 18, 64);
        var bounds = Exclusions.AgeBounds.on(day, normal);
        assertThat(bounds.of(LocalDate.of(2005, 6, 15))).isEmpty();
        assertThat(bounds.of(LocalDate.of(2005, 6, 16))).contains(Ineligibility.UNDER_AGE);
        assertThat(bounds.of(LocalDate.of(1958, 6, 16))).isEmpty();
        assertThat(bounds.of(LocalDate.of(1958, 6, 15))).contains(Ineligibility.OVER_AGE);
        var noMaximum = new Scheme("S", 1_000_000, 600_000, 4, 30, 50_000, 3, 30, 18, null);
        assertThat(Exclusions.AgeBounds.on(day, noMaximum).of(LocalDate.of(1920, 1, 1))).isEmpty();
    }
}
