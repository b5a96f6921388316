package org.prakerja.incentive;

import java.time.Instant;
import java.util.UUID;
import org.prakerja.common.Rupiah;

/**
 * The payment provider that pays incentives out (docs/architecture.md "Outside systems"): a port; the local
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
    sealed interface PayoutResult {
        record Paid(Instant paidAt) implements PayoutResult {
        }

        record Refused(String reason) implements PayoutResult {
        }

        /** From {@link #pay}: the answer was lost (time-out). From {@link #status}: never received. */
        record Unknown() implements PayoutResult {
        }
    }

    Inquiry inquire(PayoutProvider provider, String accountNumber);

    PayoutResult pay(UUID payoutId, PayoutProvider provider, String accountNumber, Rupiah amount);

    PayoutResult status(UUID payoutId);
}
