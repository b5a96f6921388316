package org.prakerja.participant;

import org.prakerja.card.CardsRevoked;
import java.util.stream.Collectors;
import org.prakerja.notification.Notice;
import org.prakerja.notification.Notifications;
import org.prakerja.training.TrainingCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the participant's dashboard is told when another module records a fact about them. Here,
 * and not in the notification module, because every module calls notification directly: a
 * notification module that named their events would depend on them both ways.
 */
@Component
class JourneyNotices {

    private final Notifications notifications;

    JourneyNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    /** R-63 the certificate is there; R-64 the participant may now review the training. */
    @ApplicationModuleListener
    void on(TrainingCompleted completed) {
        notifications.inApp(completed.participantId(), Notice.of("TRAINING_COMPLETED", completed.certificateNumber()));
    }

    /**
     * R-31 the participant is told why the card was revoked, with the window of the card's scheme:
     * one insert per window in the chunk (waves of one or two schemes).
     */
    @ApplicationModuleListener
    void on(CardsRevoked revoked) {
        revoked.cards().stream()
                .collect(Collectors.groupingBy(CardsRevoked.Card::deadlineDays,
                        Collectors.mapping(CardsRevoked.Card::participantId, Collectors.toList())))
                .forEach((days, participants) -> notifications.inAppAll(participants, Notice.of("CARD_DEACTIVATED", days)));
    }
}
