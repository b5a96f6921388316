package org.prakerja.wave;

/** What became of an operator's change to a wave: done, or refused with the reason. */
sealed interface WaveChange {

    record Changed(Wave wave) implements WaveChange {
    }

    record Refused(WaveRefusal reason) implements WaveChange {
    }
}
