package org.prakerja.card;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * R-31 cards deactivated (dicabut) because nothing was bought within the deadline, their balance
 * back in the fund. Published once per chunk of the enforcement (up to a few thousand cards, one
 * transaction), not once per card: revocation is set-based work over hundreds of thousands of
 * cards, and so is every reaction to it (one notice insert, later one incentive update per chunk),
 * while an event per card would cost a registry row, a listener transaction and a completion for
 * each card. A listener that fails takes the whole chunk again, in one transaction of its own.
 *
 * @param reason why, as stored on the card ({@code NO_PURCHASE_WITHIN_DEADLINE})
 */
public record CardsRevoked(Instant revokedAt, String reason, List<Card> cards) {

    public CardsRevoked {
        cards = List.copyOf(cards);
    }

    /**
     * One revoked card and its holder; {@code deadlineDays} is the first-purchase window it had
     * (its wave's scheme's, R-25), which the participant is told.
     */
    public record Card(UUID cardId, UUID participantId, int deadlineDays) {
    }

    public List<UUID> participantIds() {
        return cards.stream().map(Card::participantId).toList();
    }
}
