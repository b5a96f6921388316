package org.prakerja.incentive;

import org.prakerja.common.Refusal;
import org.springframework.http.HttpStatus;

/**
 * GET /me/payout-account with none linked: docs/api.md gives this code 404 here, while a PUT naming an
 * account the provider does not know is 422 with the same code ({@link IncentiveRefusal}).
 */
enum NoPayoutAccount implements Refusal {
    PAYOUT_ACCOUNT_NOT_FOUND;

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    public String detail() {
        return "no payout account is linked yet";
    }
}
