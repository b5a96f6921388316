package org.prakerja.wave;

import org.prakerja.common.Refusal;

/** R-21 the outcome of Gabung Gelombang. */
public sealed interface JoinResult {

    record Joined(int wave) implements JoinResult {
    }

    record Refused(Refusal reason) implements JoinResult {
    }

    enum Reason implements Refusal {
        WAVE_NOT_FOUND, WAVE_NOT_OPEN, ALREADY_APPLIED, VERIFICATION_REQUIRED, BASIC_TEST_REQUIRED;
    }

    /** 409 NOT_ELIGIBLE with the R-13 reason. */
    record NotEligible(Ineligibility why) implements Refusal {
        @Override
        public String name() {
            return "NOT_ELIGIBLE";
        }

        @Override
        public String detail() {
            return why.text();
        }
    }
}
