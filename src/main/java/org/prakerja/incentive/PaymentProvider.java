package org.prakerja.incentive;

import java.time.Instant;
import java.util.UUID;
import org.prakerja.common.Rupiah;

/**
 * The payment provider that pays incentives out (DESIGN.md "Outside systems"): a port; the local
 * stand-in ships. The payout id is the provider's idempotency key: paying an id it has paid
 * answers that payment again and pays nothing more.
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
    sealed interface Outcome {
        record Paid(Instant paidAt) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }

        /** From {@link #pay}: the answer was lost (time-out). From {@link #status}: never received. */
        record Unknown() implements Outcome {
        }
    }

    Inquiry inquire(PayoutProvider provider, String accountNumber);

    Outcome pay(UUID payoutId, PayoutProvider provider, String accountNumber, Rupiah amount);

    Outcome status(UUID payoutId);
}
