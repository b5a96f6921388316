package org.prakerja.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.card.CardsRevoked;
import org.prakerja.notification.Notifications;
import org.prakerja.training.TrainingCompleted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

/** The dashboard's notices that follow other modules' facts. */
@IntegrationTest
class JourneyNoticesTest {

    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    EventSerializer serializer;

    @Test
    @DisplayName("R-63 once the training is completed, the participant is told the certificate is there and asked for a review")
    void completionNotice() {
        UUID participant = UUID.randomUUID();

        published(new TrainingCompleted(participant, UUID.randomUUID(), "TR-001", "CERT-77/2026", Instant.now()));

        await().untilAsserted(() -> assertThat(notifications.latestFor(participant, 5, java.util.Locale.forLanguageTag("id")))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.kind()).isEqualTo("TRAINING_COMPLETED");
                    assertThat(n.text()).contains("CERT-77/2026").contains("ulasan");
                }));
    }

    @Test
    @DisplayName("R-31 R-25 every holder of a revoked card is told why, with the deadline's days of the card's scheme")
    void revocationNotices() {
        var cards = Stream.generate(() -> new CardsRevoked.Card(UUID.randomUUID(), UUID.randomUUID(), 30)).limit(3).toList();
        var normal = new CardsRevoked.Card(UUID.randomUUID(), UUID.randomUUID(), 15);

        published(new CardsRevoked(Instant.now(), "NO_PURCHASE_WITHIN_DEADLINE",
                Stream.concat(cards.stream(), Stream.of(normal)).toList()));
        await().untilAsserted(() -> assertThat(notifications.latestFor(normal.participantId(), 5,
                java.util.Locale.forLanguageTag("id"))).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("15 hari")));

        for (var card : cards) {
            await().untilAsserted(() -> assertThat(notifications.latestFor(card.participantId(), 5, java.util.Locale.forLanguageTag("id")))
                    .singleElement()
                    .satisfies(n -> {
                        assertThat(n.kind()).isEqualTo("CARD_DEACTIVATED");
                        assertThat(n.text()).contains("dicabut").contains("30 hari");
                    }));
        }
    }

    @Test
    @DisplayName("the events come back whole from the event registry, as a restart reads them")
    void eventsSurviveTheRegistry() {
        var completed = new TrainingCompleted(UUID.randomUUID(), UUID.randomUUID(), "TR-001", "CERT-1", Instant.now());
        var revoked = new CardsRevoked(Instant.now(), "NO_PURCHASE_WITHIN_DEADLINE",
                List.of(new CardsRevoked.Card(UUID.randomUUID(), UUID.randomUUID(), 30)));

        assertThat(serializer.deserialize(serializer.serialize(completed), TrainingCompleted.class)).isEqualTo(completed);
        assertThat(serializer.serialize(revoked).toString()).doesNotContain("participantIds");
        assertThat(serializer.deserialize(serializer.serialize(revoked), CardsRevoked.class)).isEqualTo(revoked);
    }

    /** As the publishing module does: in the transaction of the fact. */
    private void published(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }
}
