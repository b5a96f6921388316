package org.prakerja.wave;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a request about a wave or joining one was refused. */
public enum WaveRefusal implements Refusal {
    WAVE_EXISTS(HttpStatus.CONFLICT),
    /** R-25 a new wave named a scheme that does not exist */
    SCHEME_NOT_FOUND(HttpStatus.UNPROCESSABLE_CONTENT),
    WAVE_NOT_FOUND(HttpStatus.NOT_FOUND),
    ILLEGAL_TRANSITION(HttpStatus.CONFLICT),
    WAVE_NOT_OPEN(HttpStatus.CONFLICT),
    ALREADY_APPLIED(HttpStatus.CONFLICT),
    VERIFICATION_REQUIRED(HttpStatus.CONFLICT),
    BASIC_TEST_REQUIRED(HttpStatus.CONFLICT),
    /** R-13; the problem also says why, as {@code reason} (an {@link Ineligibility}). */
    NOT_ELIGIBLE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    WaveRefusal(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
