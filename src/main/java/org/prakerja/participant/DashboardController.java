package org.prakerja.participant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prakerja.access.CurrentUser;
import org.prakerja.card.Cards;
import org.prakerja.common.web.Problems;
import org.prakerja.notification.InAppNotification;
import org.prakerja.notification.Notifications;
import org.prakerja.registration.Participants;
import org.prakerja.wave.Applications;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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

    record CardSummary(String numberMasked, String status, long balance, Instant purchaseDeadline) {
    }

    record Me(java.util.UUID participantId, String fullName, Map<String, Object> application, CardSummary card,
            List<InAppNotification> notifications) {
    }

    @GetMapping
    @Operation(summary = "Dashboard: application result, card (masked), notifications (R-23)",
            description = "Texts in the language of Accept-Language: Indonesian (the default) or English")
    ResponseEntity<?> me(@AuthenticationPrincipal CurrentUser user, Locale language) {
        var participant = participants.find(user.subjectId());
        if (participant.isEmpty()) {
            return Problems.of("PARTICIPANT_NOT_FOUND", "no participant for this session");
        }
        Map<String, Object> application = applications.latest(user.subjectId()).map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wave", a.wave());
            m.put("status", a.status());
            if (a.status().equals("NOT_SELECTED")) {
                m.put("message", messages.getMessage("dashboard.not-selected", null, language));
                m.put("canJoinNextWave", true);
            }
            return m;
        }).orElse(null);
        var card = cards.ofParticipant(user.subjectId())
                .map(c -> new CardSummary(c.numberMasked(), c.status(), c.balance(), c.purchaseDeadline()))
                .orElse(null);
        return ResponseEntity.ok(new Me(user.subjectId(), participant.get().fullName(), application, card,
                notifications.latestFor(user.subjectId(), 50, language)));
    }

    record FullCard(String number, String status, long balance, Instant purchaseDeadline) {
        @Override
        public String toString() {
            return "FullCard[number=****]";
        }
    }

    @GetMapping("/card")
    @Operation(summary = "The full card number, to its holder only (R-24)", description = "Errors: 404 CARD_NOT_FOUND")
    ResponseEntity<?> card(@AuthenticationPrincipal CurrentUser user) {
        var card = cards.ofParticipant(user.subjectId());
        var number = cards.fullNumber(user.subjectId());
        if (card.isEmpty() || number.isEmpty()) {
            return Problems.of("CARD_NOT_FOUND", "you have no card");
        }
        var c = card.get();
        return ResponseEntity.ok(new FullCard(number.get(), c.status(), c.balance(), c.purchaseDeadline()));
    }
}
