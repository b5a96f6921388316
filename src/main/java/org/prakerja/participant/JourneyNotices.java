package org.prakerja.participant;

import org.prakerja.card.CardsRevoked;
import org.prakerja.common.ProgramRules;
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
    private final ProgramRules rules;

    JourneyNotices(Notifications notifications, ProgramRules rules) {
        this.notifications = notifications;
        this.rules = rules;
    }

    /** R-63 the certificate is there; R-64 the participant may now review the training. */
    @ApplicationModuleListener
    void on(TrainingCompleted completed) {
        notifications.inApp(completed.participantId(), Notice.of("TRAINING_COMPLETED", completed.certificateNumber()));
    }

    /** R-31 the participant is told why the card was revoked: one insert for the whole chunk. */
    @ApplicationModuleListener
    void on(CardsRevoked revoked) {
        notifications.inAppAll(revoked.participantIds(), Notice.of("CARD_DEACTIVATED", rules.firstPurchaseDays()));
    }
}
