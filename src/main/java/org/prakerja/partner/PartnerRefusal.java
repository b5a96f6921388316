package org.prakerja.partner;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a partner request was refused before it reached its endpoint (docs/api.md section 3 headers). */
enum PartnerRefusal implements Refusal {
    SIGNATURE_INVALID(HttpStatus.UNAUTHORIZED),
    TIMESTAMP_OUT_OF_WINDOW(HttpStatus.UNAUTHORIZED),
    WRONG_PARTNER_ROLE(HttpStatus.FORBIDDEN),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT);

    private final HttpStatus status;

    PartnerRefusal(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
