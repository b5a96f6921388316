package org.prakerja.participant;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.prakerja.card.CardStatus;
import org.prakerja.card.Cards;
import org.prakerja.login.CurrentUser;
import org.prakerja.notification.InAppNotification;
import org.prakerja.notification.Notifications;
import org.prakerja.registration.Participants;
import org.prakerja.wave.ApplicationStatus;
import org.prakerja.wave.Applications;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The participant's dashboard over the API: application, card, notifications. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Participant: dashboard")
class DashboardController {

    private final Participants participants;
    private final Applications applications;
    private final Cards cards;
    private final Notifications notifications;
    private final MessageSource messages;

    DashboardController(Participants participants, Applications applications, Cards cards,
            Notifications notifications, MessageSource messages) {
        this.participants = participants;
        this.applications = applications;
        this.cards = cards;
        this.notifications = notifications;
        this.messages = messages;
    }

    record CardSummary(String numberMasked, CardStatus status, long balance, Instant purchaseDeadline) {
    }

    /**
     * The latest application; R-23 a participant not selected is told so and offered the next
     * wave (the two members appear only then).
     */
    record Application(int wave, ApplicationStatus status, @JsonInclude(Include.NON_NULL) String message,
            @JsonInclude(Include.NON_NULL) Boolean canJoinNextWave) {

        static Application of(Applications.ApplicationView a, String notSelected) {
            return a.status() == ApplicationStatus.NOT_SELECTED
                    ? new Application(a.wave(), a.status(), notSelected, true)
                    : new Application(a.wave(), a.status(), null, null);
        }
    }

    record Me(UUID participantId, String fullName, @Nullable Application application, @Nullable CardSummary card,
            List<InAppNotification> notifications) {
    }

    @GetMapping
    @Operation(summary = "Dashboard: application result, card (masked), notifications (R-23)",
            description = "Texts in the language of Accept-Language: Indonesian (the default) or English.")
    @Refuses(value = DashboardRefusal.class, codes = "PARTICIPANT_NOT_FOUND")
    Me me(@AuthenticationPrincipal CurrentUser user, Locale language) {
        var participant = participants.find(user.subjectId())
                .orElseThrow(() -> new RefusedException(DashboardRefusal.PARTICIPANT_NOT_FOUND));
        var application = applications.latest(user.subjectId())
                .map(a -> Application.of(a, messages.getMessage("dashboard.not-selected", null, language)))
                .orElse(null);
        var card = cards.ofParticipant(user.subjectId())
                .map(c -> new CardSummary(c.numberMasked(), c.status(), c.balance(), c.purchaseDeadline()))
                .orElse(null);
        return new Me(user.subjectId(), participant.fullName(), application, card,
                notifications.latestFor(user.subjectId(), 50, language));
    }

    record FullCard(String number, CardStatus status, long balance, Instant purchaseDeadline) {
        @Override
        public String toString() {
            return "FullCard[number=****]";
        }
    }

    @GetMapping("/card")
    @Operation(summary = "The full card number, to its holder only (R-24)")
    @Refuses(value = DashboardRefusal.class, codes = "CARD_NOT_FOUND")
    FullCard card(@AuthenticationPrincipal CurrentUser user) {
        var card = cards.ofParticipant(user.subjectId());
        var number = cards.fullNumber(user.subjectId());
        if (card.isEmpty() || number.isEmpty()) {
            throw new RefusedException(DashboardRefusal.CARD_NOT_FOUND);
        }
        var c = card.get();
        return new FullCard(number.get(), c.status(), c.balance(), c.purchaseDeadline());
    }
}
