package org.prakerja.incentive;

import jakarta.annotation.Nullable;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.prakerja.common.InvalidInput;
import org.prakerja.login.CurrentUser;
import org.prakerja.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The participant's incentive pages (docs/portal.md): the incentive as participants know it, the
 * payout account form and the surveys. The same services and records as
 * /api/v1/me/incentives, /payout-account and /surveys/{seq}.
 */
@Controller
class IncentivePages {

    /** The incentives page: the incentive, its headline, the account, and the account form as typed. */
    record View(Incentives.IncentivesView incentives, IncentiveState headline,
            @Nullable Incentives.InstalmentView focus, @Nullable PayoutAccount.View account, String provider,
            String accountNumber, FormErrors errors) {
        public PayoutProvider[] providers() {
            return PayoutProvider.values();
        }
    }

    /**
     * The account form as typed: the provider as sent (none keeps the linked account's shown), the
     * number stripped. Which numbers a provider takes is the account's rule ({@link PayoutAccounts}).
     */
    record AccountForm(@NotBlank @Nullable String provider, @NotBlank String accountNumber) {
        AccountForm {
            accountNumber = accountNumber == null ? "" : accountNumber.strip();
        }
    }

    /**
     * A survey's answers: one radio group per question of {@link Surveys#QUESTIONS}, named by the
     * question's id, its value the chosen option's id. No shape to check: an answer is one of its
     * question's options or none.
     */
    record SurveyAnswers(@BindParam("EMPLOYMENT") String employment, @BindParam("USEFULNESS") String usefulness,
            @BindParam("INCENTIVE_USE") String incentiveUse) {

        /** The options chosen by question id; none is empty. */
        Map<String, String> byQuestion() {
            return Map.of("EMPLOYMENT", employment == null ? "" : employment,
                    "USEFULNESS", usefulness == null ? "" : usefulness,
                    "INCENTIVE_USE", incentiveUse == null ? "" : incentiveUse);
        }
    }

    /** A survey's page: the form, or why it cannot be answered, with the options chosen and what is missing. */
    record SurveyView(int seq, @Nullable Surveys.SurveyForm form, Map<String, String> chosen, FormErrors errors,
            @Nullable String refusal) {
    }

    private final Incentives incentives;
    private final PayoutAccounts accounts;
    private final Surveys surveys;
    private final MessageSource messages;

    IncentivePages(Incentives incentives, PayoutAccounts accounts, Surveys surveys, MessageSource messages) {
        this.incentives = incentives;
        this.accounts = accounts;
        this.surveys = surveys;
        this.messages = messages;
    }

    @GetMapping("/incentives")
    String incentives(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page(user.subjectId(), null, "", new FormErrors(), model);
    }

    private String page(UUID participant, @Nullable String provider, String accountNumber, FormErrors errors,
            Model model) {
        var account = accounts.find(participant).map(PayoutAccount::view).orElse(null);
        var v = incentives.view(participant);
        var state = IncentiveState.of(v);
        model.addAttribute("view", new View(v, state, state.focus(v), account,
                provider != null ? provider : account != null ? account.provider().name() : "", accountNumber, errors));
        return "incentive/incentives";
    }

    /** R-71 link or change the account; a refusal is said beside the field, in the page's language. */
    @PostMapping("/incentives/payout-account")
    String link(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("accountForm") AccountForm typed,
            BindingResult shapes, Model model, HttpServletResponse response, RedirectAttributes next,
            Locale language) {
        var errors = new FormErrors();
        PayoutProvider chosen = shapes.hasFieldErrors("provider") ? null : provider(typed.provider());
        if (chosen == null) {
            errors.add("provider", text("incentives.error.provider", language));
        }
        if (shapes.hasFieldErrors("accountNumber")) {
            errors.add("accountNumber", text("incentives.error.accountNumber", language));
        }
        if (!errors.any()) {
            try {
                switch (accounts.link(user.subjectId(), chosen, typed.accountNumber())) {
                    case PayoutAccounts.Linking.Linked l -> {
                        next.addFlashAttribute("notice", text("incentives.linked", language));
                        return "redirect:/incentives";
                    }
                    case PayoutAccounts.Linking.Refused r ->
                            errors.add("accountNumber", text("incentives.error." + r.reason().name(), language));
                }
            } catch (InvalidInput e) {
                errors.add("accountNumber", text(chosen.eWallet() ? "incentives.error.ewallet-number"
                        : "incentives.error.bank-number", language));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(user.subjectId(), typed.provider(), typed.accountNumber(), errors, model);
    }

    @Nullable
    private static PayoutProvider provider(@Nullable String name) {
        return Arrays.stream(PayoutProvider.values()).filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    @GetMapping("/surveys/{seq}")
    String survey(@AuthenticationPrincipal CurrentUser user, @PathVariable int seq, Model model,
            HttpServletResponse response, Locale language) {
        return surveyPage(user.subjectId(), seq, Map.of(), new FormErrors(), model, response, language);
    }

    private String surveyPage(UUID participant, int seq, Map<String, String> chosen, FormErrors errors, Model model,
            HttpServletResponse response, Locale language) {
        String refusal = null;
        if (seq < 1 || seq > 100 || surveys.openable(participant, seq) instanceof Surveys.SurveyResult.Refused) {
            refusal = "SURVEY_NOT_OPEN";
        } else if (incentives.view(participant).surveys().stream()
                .anyMatch(s -> s.seq() == seq && s.status() == Incentives.SurveyStatus.ANSWERED)) {
            refusal = "ALREADY_ANSWERED";
        }
        if (refusal != null) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("view", new SurveyView(seq, null, chosen, errors,
                    text("incentives.survey." + refusal, language)));
        } else {
            model.addAttribute("view", new SurveyView(seq, surveys.form(seq, language), chosen, errors, null));
        }
        return "incentive/survey";
    }

    /** R-73 one radio group per question, named by the question's id; its value is the option's id. */
    @PostMapping("/surveys/{seq}")
    String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable int seq,
            @ModelAttribute("surveyAnswers") SurveyAnswers typed, Model model, HttpServletResponse response,
            RedirectAttributes next, Locale language) {
        var answers = new ArrayList<Surveys.Answer>();
        var chosen = new HashMap<String, String>();
        var errors = new FormErrors();
        int index = 0;
        for (var question : Surveys.QUESTIONS.keySet()) {
            index++;
            String option = typed.byQuestion().get(question);
            if (option == null || !Surveys.QUESTIONS.get(question).contains(option)) {
                errors.add(question, messages.getMessage("incentives.survey.choose", new Object[] {index}, language));
            } else {
                answers.add(new Surveys.Answer(question, option));
                chosen.put(question, option);
            }
        }
        if (!errors.any() && seq >= 1 && seq <= 100) {
            switch (surveys.answer(user.subjectId(), seq, List.copyOf(answers))) {
                case Surveys.SurveyResult.Done d -> {
                    next.addFlashAttribute("notice", messages.getMessage("incentives.survey.answered",
                            new Object[] {seq}, language));
                    return "redirect:/incentives";
                }
                case Surveys.SurveyResult.Refused r -> {
                    response.setStatus(HttpStatus.CONFLICT.value());
                    model.addAttribute("view", new SurveyView(seq, null, chosen, errors,
                            text("incentives.survey." + r.reason().name(), language)));
                    return "incentive/survey";
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return surveyPage(user.subjectId(), seq, chosen, errors, model, response, language);
    }

    private String text(String key, Locale language) {
        return messages.getMessage(key, null, language);
    }
}
