package org.prakerja.wave;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WaveStatusTest {

    private static final List<WaveStatus> LIFE = List.of(WaveStatus.DRAFT, WaveStatus.OPEN, WaveStatus.CLOSED,
            WaveStatus.SELECTED, WaveStatus.ANNOUNCED);

    static Stream<Arguments> everyMove() {
        return Arrays.stream(WaveStatus.values()).flatMap(from -> Arrays.stream(WaveStatus.values())
                .map(to -> Arguments.of(from, to, LIFE.indexOf(to) == LIFE.indexOf(from) + 1)));
    }

    @ParameterizedTest(name = "{0} to {1}: allowed {2}")
    @MethodSource("everyMove")
    @DisplayName("R-20 a wave goes DRAFT, OPEN, CLOSED, SELECTED, ANNOUNCED, one step at a time, never back")
    void oneStepForward(WaveStatus from, WaveStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }
}
