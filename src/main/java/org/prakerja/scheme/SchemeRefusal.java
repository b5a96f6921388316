package org.prakerja.scheme;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a request about a scheme was refused. */
public enum SchemeRefusal implements Refusal {
    SCHEME_EXISTS(HttpStatus.CONFLICT);

    private final HttpStatus status;

    SchemeRefusal(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
