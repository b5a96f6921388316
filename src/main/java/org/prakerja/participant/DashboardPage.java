package org.prakerja.participant;

import jakarta.annotation.Nullable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.prakerja.card.CardStatus;
import org.prakerja.card.CardView;
import org.prakerja.card.Cards;
import org.prakerja.incentive.IncentiveState;
import org.prakerja.incentive.Incentives;
import org.prakerja.login.CurrentUser;
import org.prakerja.notification.InAppNotification;
import org.prakerja.notification.Notifications;
import org.prakerja.registration.IdentityStatus;
import org.prakerja.registration.Participant;
import org.prakerja.registration.Participants;
import org.prakerja.training.TrainingRecords;
import org.prakerja.wave.ApplicationStatus;
import org.prakerja.wave.Applications;
import org.prakerja.wave.Ineligibility;
import org.prakerja.wave.JoinResult;
import org.prakerja.wave.Wave;
import org.prakerja.wave.WaveStatus;
import org.prakerja.wave.Waves;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The participant's dashboard as a page: where they are (docs/portal.md's states), the card, the
 * timeline of the journey and the notices; Gabung Gelombang as a plain form. The same services as
 * GET /api/v1/me and POST /api/v1/waves/{n}/applications.
 */
@Controller
class DashboardPage {

    /** Where the participant stands; the page says it in words from {@code dashboard.state.<NAME>}. */
    enum State {
        VERIFY, BASIC_TEST, CAN_JOIN, NOT_ELIGIBLE, NO_WAVE, WAITING_CLOSE, EVALUATING, SELECTED, NOT_SELECTED
    }

    /** Where a step of the timeline stands; its class on the page is the lower-case name. */
    enum StepState {
        DONE, CURRENT, TODO;

        public String css() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One step of the timeline, from registering to the incentive ({@link #STEPS}). Its name is
     * {@code timeline.<key>}; unless still to come, a screen reader hears after it the words of
     * {@code timeline.done} or {@code timeline.current} ({@link #said}).
     */
    record Step(String key, StepState progress) {
        public String name() {
            return "timeline." + key;
        }

        public String said() {
            return "timeline." + progress.css();
        }
    }

    record View(String fullName, State state, @Nullable Integer wave, @Nullable Wave openWave, boolean canJoin,
            @Nullable String ineligibility, @Nullable CardView card, @Nullable Long daysLeft, List<Step> steps,
            List<InAppNotification> notifications, long unread, @Nullable IncentiveState incentive,
            @Nullable String fullNumber, IdentityStatus identity) {

        /** The same view with the card's full number shown (R-24: on this answer only). */
        View revealing(@Nullable String number) {
            return new View(fullName, state, wave, openWave, canJoin, ineligibility, card, daysLeft, steps,
                    notifications, unread, incentive, number, identity);
        }
    }

    /** The journey's steps in order (docs/portal.md); their names are {@code timeline.<key>}. */
    static final List<String> STEPS = List.of("register", "test", "join", "selected", "buy", "training", "certificate",
            "review", "incentive");

    private final Participants participants;
    private final Applications applications;
    private final Waves waves;
    private final Cards cards;
    private final TrainingRecords records;
    private final Notifications notifications;
    private final Incentives incentives;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate reads;

    DashboardPage(Participants participants, Applications applications, Waves waves, Cards cards, TrainingRecords records,
            Notifications notifications, Incentives incentives, MessageSource messages, Clock clock,
            PlatformTransactionManager transactions) {
        this.incentives = incentives;
        this.participants = participants;
        this.applications = applications;
        this.waves = waves;
        this.cards = cards;
        this.records = records;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
        this.reads = new TransactionTemplate(transactions);
        reads.setReadOnly(true);
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal CurrentUser user, Model model, Locale language) {
        model.addAttribute("view", view(user, language));
        return "participant/dashboard";
    }

    /** R-24 the full number only after a deliberate act, on this answer only: never in a URL or a redirect. */
    @PostMapping("/dashboard/card")
    String reveal(@AuthenticationPrincipal CurrentUser user, Model model, Locale language) {
        model.addAttribute("view", view(user, language).revealing(cards.fullNumber(user.subjectId()).orElse(null)));
        return "participant/dashboard";
    }

    /** The notices shown are read: back to the dashboard, its unread count gone (R-90 in-app). */
    @PostMapping("/dashboard/notifications/read")
    String markRead(@AuthenticationPrincipal CurrentUser user, @RequestParam long upTo) {
        notifications.markRead(user.subjectId(), upTo);
        return "redirect:/dashboard#notices-heading";
    }

    /** Gabung Gelombang; the outcome, or why not, is said on the dashboard. */
    @PostMapping("/waves/{number}/join")
    String join(@AuthenticationPrincipal CurrentUser user, @PathVariable int number, RedirectAttributes next,
            Locale language) {
        var result = applications.join(user.subjectId(), number);
        switch (result) {
            case JoinResult.Joined j -> next.addFlashAttribute("joined", messages.getMessage("join.done",
                    new Object[] {j.wave()}, language));
            case JoinResult.NotEligible ne -> next.addFlashAttribute("refused", messages.getMessage(
                    "join.refused.NOT_ELIGIBLE", new Object[] {reason(ne.why(), number, language)}, language));
            case JoinResult.Refused r -> next.addFlashAttribute("refused", messages.getMessage(
                    "join.refused." + r.reason().name(), new Object[] {number}, language));
        }
        return "redirect:/dashboard";
    }

    private String reason(Ineligibility why, int wave, Locale language) {
        return messages.getMessage("ineligibility." + why.name(), applications.ineligibilityArguments(wave), language);
    }

    /** The dozen reads of a view share one connection and one read-only transaction. */
    private View view(CurrentUser user, Locale language) {
        return reads.execute(status -> read(user, language));
    }

    private View read(CurrentUser user, Locale language) {
        Participant p = participants.find(user.subjectId()).orElseThrow();
        var application = applications.latest(p.id());
        var card = cards.ofParticipant(p.id());
        // bought, in training, certified, reviewed: there is nothing to buy with before the card
        var progress = card.isPresent() ? records.journeyOf(p.id()) : TrainingRecords.Journey.NONE;
        boolean verified = p.emailVerified() && p.phoneVerified();
        boolean mayApplyAgain = application.isEmpty() || application.get().status() == ApplicationStatus.NOT_SELECTED;
        // the open wave and the rules' look-ups (earlier recipients, the family's) only for someone who
        // may still join: a card holder's dashboard, the one opened most, needs neither
        Optional<Wave> open = verified && p.basicTestPassed() && mayApplyAgain ? waves.currentlyOpen() : Optional.empty();
        var ineligible = open.isPresent()
                ? applications.ineligibilityOf(p.id(), open.get().number()) : Optional.<Ineligibility>empty();

        boolean canJoin = verified && p.basicTestPassed() && open.isPresent() && ineligible.isEmpty() && mayApplyAgain
                && application.map(a -> a.wave() != open.get().number()).orElse(true);

        State state;
        if (!verified) {
            state = State.VERIFY;
        } else if (!p.basicTestPassed()) {
            state = State.BASIC_TEST;
        } else if (application.isPresent() && application.get().status() == ApplicationStatus.PENDING) {
            var status = waves.find(application.get().wave()).map(Wave::status).orElse(WaveStatus.CLOSED);
            state = status == WaveStatus.OPEN ? State.WAITING_CLOSE : State.EVALUATING;
        } else if (application.isPresent() && application.get().status() == ApplicationStatus.SELECTED) {
            state = State.SELECTED;
        } else if (application.isPresent()) {
            state = State.NOT_SELECTED;
        } else if (ineligible.isPresent()) {
            state = State.NOT_ELIGIBLE;
        } else {
            state = open.isPresent() ? State.CAN_JOIN : State.NO_WAVE;
        }

        Long daysLeft = card.filter(c -> c.status() == CardStatus.ACTIVE && c.firstPurchaseAt() == null)
                .map(c -> Math.max(0, (Duration.between(clock.instant(), c.purchaseDeadline()).toHours() + 23) / 24))
                .orElse(null);

        // R-74 the incentive once there is a card to earn it with; its last step is done when the first instalment is paid
        var incentive = card.map(c -> incentives.summary(p.id(), c)).orElse(null);
        boolean[] done = {true, p.basicTestPassed(), application.isPresent(), card.isPresent(), progress.bought(),
                progress.certified(), progress.certified(), progress.reviewed(),
                incentive != null && incentive.firstPaid()};
        var steps = new ArrayList<Step>();
        boolean currentFound = false;
        for (int i = 0; i < STEPS.size(); i++) {
            boolean current = !done[i] && !currentFound;
            currentFound |= current;
            steps.add(new Step(STEPS.get(i), done[i] ? StepState.DONE : current ? StepState.CURRENT : StepState.TODO));
        }

        var notices = notifications.latestFor(p.id(), 10, language);
        return new View(p.fullName(), state, application.map(Applications.ApplicationView::wave).orElse(null),
                open.orElse(null), canJoin, ineligible.map(w -> reason(w, open.get().number(), language)).orElse(null), card.orElse(null),
                daysLeft, steps, notices, notices.stream().filter(n -> !n.read()).count(),
                incentive == null ? null : incentive.state(), null, p.identity());
    }
}
