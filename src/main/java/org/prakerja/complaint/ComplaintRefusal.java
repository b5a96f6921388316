package org.prakerja.complaint;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a request about a complaint was refused. */
public enum ComplaintRefusal implements Refusal {
    /** No such ticket, or not the filer's: the two are answered alike, so a ticket cannot be probed. */
    COMPLAINT_NOT_FOUND(HttpStatus.NOT_FOUND, "no complaint has this ticket, or it is not yours"),
    ATTACHMENT_NOT_FOUND(HttpStatus.NOT_FOUND, "this complaint has no such attachment"),
    TOO_MANY_ATTACHMENTS(HttpStatus.CONFLICT, "this complaint has as many attachments as it may have"),
    ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "the complaint cannot move to that status from its current one");

    private final HttpStatus status;
    private final String detail;

    ComplaintRefusal(HttpStatus status, String detail) {
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
