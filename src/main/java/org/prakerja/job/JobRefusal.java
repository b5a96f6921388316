package org.prakerja.job;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

enum JobRefusal implements Refusal {
    JOB_NOT_FOUND(HttpStatus.NOT_FOUND);

    private final HttpStatus status;

    JobRefusal(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
