package org.prakerja.incentive;

import java.time.Instant;
import java.util.UUID;
import org.prakerja.common.Rupiah;

/**
 * The payment provider that pays incentives out (docs/architecture.md "Outside systems"): a port; the local
 * stand-in (sandbox) and SNAP BI (incentive/provider) implement it. A transfer's reference is the provider's
 * idempotency key: paying a reference it has paid answers that payment again and pays nothing more. A payout
 * keeps its reference until the provider refuses it (R-72, {@link Disbursement}), because a bank such as a SNAP
 * BI one refuses a reference it has seen, even a refused one.
 */
public interface PaymentProvider {

    /** Who holds an account, as the provider knows it. */
    sealed interface Inquiry {
        record Holder(String name) implements Inquiry {
        }

        record NotFound() implements Inquiry {
        }
    }

    /** What became of a payout: paid, refused with the provider's reason, or not known. */
    sealed interface PayoutResult {
        record Paid(Instant paidAt) implements PayoutResult {
        }

        record Refused(String reason) implements PayoutResult {
        }

        /** From {@link #pay}: the answer was lost (time-out). From {@link #status}: never received. */
        record Unknown() implements PayoutResult {
        }

        /**
         * From {@link #status}: received but not final yet (in progress at the provider), or the inquiry itself
         * went unanswered; the payout stays in flight and the next run asks again.
         */
        record Pending() implements PayoutResult {
        }
    }

    /**
     * One send of a payout: {@code reference} is the provider's key for it (SNAP's partnerReferenceNo), the
     * payout id only a remark; a status inquiry needs the provider kind (bank or e-wallet service) too.
     */
    record Transfer(UUID reference, UUID payoutId, PayoutProvider provider, String accountNumber, String holderName,
            Rupiah amount) {
    }

    Inquiry inquire(PayoutProvider provider, String accountNumber);

    PayoutResult pay(Transfer transfer);

    /** What became of a transfer sent earlier under its reference, without sending it again. */
    PayoutResult status(Transfer transfer);
}
