package org.prakerja.participant;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why the dashboard has nothing to show. */
enum DashboardRefusal implements Refusal {
    PARTICIPANT_NOT_FOUND(HttpStatus.NOT_FOUND, "no participant for this session"),
    CARD_NOT_FOUND(HttpStatus.NOT_FOUND, "you have no card");

    private final HttpStatus status;
    private final String detail;

    DashboardRefusal(HttpStatus status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String detail() {
        return detail;
    }
}
