package org.prakerja.incentive;

import java.time.Instant;
import java.util.UUID;
import org.prakerja.common.Masking;

/** R-71 a participant's payout account, validated with the provider. The number is shown masked. */
record PayoutAccount(UUID participantId, PayoutProvider provider, String accountNumber, String holderName,
        Instant validatedAt) {

    public String accountNumberMasked() {
        return Masking.lastFour(accountNumber);
    }

    /** As GET and PUT /api/v1/me/payout-account answer it. */
    public View view() {
        return new View(provider, accountNumberMasked(), holderName, validatedAt);
    }

    /** The holder name as the provider reports it; the number masked. */
    public record View(PayoutProvider provider, String accountNumberMasked, String holderName, Instant validatedAt) {
    }

    @Override
    public String toString() {
        return "PayoutAccount[" + participantId + ", " + provider + " " + accountNumberMasked() + "]";
    }
}
