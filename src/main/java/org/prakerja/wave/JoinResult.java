package org.prakerja.wave;

/** R-21 the outcome of Gabung Gelombang. */
public sealed interface JoinResult {

    record Joined(int wave) implements JoinResult {
    }

    record Refused(WaveRefusal reason) implements JoinResult {
    }

    /** 409 NOT_ELIGIBLE with the R-13 reason. */
    record NotEligible(Ineligibility why) implements JoinResult {
    }
}
