package org.prakerja.participant;

import java.util.Locale;
import org.prakerja.card.CardsRevoked;
import org.prakerja.common.ProgramRules;
import org.prakerja.notification.Notifications;
import org.prakerja.training.TrainingCompleted;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the participant's dashboard is told when another module records a fact about them. Here,
 * and not in the notification module, because every module calls notification directly: a
 * notification module that named their events would depend on them both ways.
 */
@Component
class JourneyNotices {

    // notices are stored as text for now, in the platform's first language (spring.web.locale)
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final Notifications notifications;
    private final MessageSource messages;
    private final ProgramRules rules;

    JourneyNotices(Notifications notifications, MessageSource messages, ProgramRules rules) {
        this.notifications = notifications;
        this.messages = messages;
        this.rules = rules;
    }

    /** R-63 the certificate is there; R-64 the participant may now review the training. */
    @ApplicationModuleListener
    void on(TrainingCompleted completed) {
        notifications.inApp(completed.participantId(), "TRAINING_COMPLETED", messages.getMessage(
                "notice.training-completed", new Object[] {completed.certificateNumber()}, INDONESIAN));
    }

    /** R-31 the participant is told why the card was revoked: one insert for the whole chunk. */
    @ApplicationModuleListener
    void on(CardsRevoked revoked) {
        notifications.inAppAll(revoked.participantIds(), "CARD_DEACTIVATED",
                "Kartu Prakerja Anda dicabut karena tidak ada pembelian pelatihan dalam " + rules.firstPurchaseDays()
                        + " hari sejak penetapan. Saldo pelatihan dikembalikan ke negara.");
    }
}
