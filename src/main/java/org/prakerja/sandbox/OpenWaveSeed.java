package org.prakerja.sandbox;

import java.time.Clock;
import java.time.Duration;
import org.prakerja.wave.WaveStatus;
import org.prakerja.wave.Waves;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The sandbox always has an OPEN wave to join: two weeks to apply, announcement three days later. */
@Component
@Profile("sandbox")
class OpenWaveSeed implements SeedStep {

    private final Waves waves;
    private final Clock clock;

    OpenWaveSeed(Waves waves, Clock clock) {
        this.waves = waves;
        this.clock = clock;
    }

    @Override
    public void seed() {
        if (waves.currentlyOpen().isPresent()) {
            return;
        }
        int number = waves.nextNumber();
        var now = clock.instant();
        waves.create(number, 1000, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(14)),
                now.plus(Duration.ofDays(17)));
        waves.transition(number, WaveStatus.OPEN);
    }
}
