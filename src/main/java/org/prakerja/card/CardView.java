package org.prakerja.card;

import java.time.Instant;
import java.util.UUID;

/** A card as its holder's dashboard shows it: masked number, state, balance, deadline. */
public record CardView(UUID cardId, int wave, String numberMasked, CardStatus status, long balance,
        Instant purchaseDeadline, Instant firstPurchaseAt, String deactivationReason) {
}
