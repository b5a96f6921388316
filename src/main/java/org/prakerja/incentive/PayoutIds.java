package org.prakerja.incentive;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids of a payout and of its ledger transfers, derived from the payout itself so that every
 * step, run again, finds the same id and moves nothing twice:
 * <ul>
 * <li>payout: {@code uuid3("payout:" + participant + ":" + kind + ":" + seq)}. Not the provider's idempotency key: that
 * is the payout's {@code provider_reference}, random, one per transaction at the provider (a refused one is
 * never sent again, see {@link Disbursement})
 * <li>funding, PROGRAM_FUND → INCENTIVE_PAYABLE:participant: {@code uuid3("fund:" + payout)}
 * <li>send n (n = 1, 2, … per attempt), pending INCENTIVE_PAYABLE:participant →
 * INCENTIVE_PAYABLE:in-flight: {@code uuid3("send:" + payout + ":" + n)}
 * <li>its post to PAID_OUT: {@code uuid3("paid:" + payout + ":" + n)}; its void back: {@code uuid3("back:" + payout + ":" + n)}
 * </ul>
 * (uuid3 is {@link UUID#nameUUIDFromBytes} of the UTF-8 string.)
 */
final class PayoutIds {

    private PayoutIds() {
    }

    static UUID payout(UUID participantId, PayoutKind kind, int seq) {
        return uuid("payout:" + participantId + ":" + kind + ":" + seq);
    }

    static UUID funding(UUID payoutId) {
        return uuid("fund:" + payoutId);
    }

    static UUID send(UUID payoutId, int attempt) {
        return uuid("send:" + payoutId + ":" + attempt);
    }

    static UUID paid(UUID payoutId, int attempt) {
        return uuid("paid:" + payoutId + ":" + attempt);
    }

    static UUID back(UUID payoutId, int attempt) {
        return uuid("back:" + payoutId + ":" + attempt);
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
