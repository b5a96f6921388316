package org.prakerja.job;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a job question was refused. */
enum JobRefusal implements Refusal {
    JOB_NOT_FOUND;

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
