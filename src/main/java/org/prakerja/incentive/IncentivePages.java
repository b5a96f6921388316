package org.prakerja.incentive;

import jakarta.annotation.Nullable;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The participant's incentive pages (docs/portal.md): the incentive as participants know it, the
 * payout account form and the surveys. The same services and records as
 * /api/v1/me/incentives, /payout-account and /surveys/{seq}.
 */
@Controller
class IncentivePages {

    record View(Incentives.IncentivesView incentives, IncentiveState headline,
            @Nullable Incentives.InstalmentView focus, @Nullable PayoutAccount.View account) {
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

    static View view(Incentives.IncentivesView v, @Nullable PayoutAccount.View account) {
        var state = IncentiveState.of(v);
        return new View(v, state, state.focus(v), account);
    }

    @GetMapping("/incentives")
    String incentives(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page(user.subjectId(), null, "", new FormErrors(), model);
    }

    private String page(UUID participant, @Nullable String provider, String accountNumber, FormErrors errors,
            Model model) {
        var account = accounts.find(participant).map(PayoutAccount::view).orElse(null);
        model.addAttribute("view", view(incentives.view(participant), account));
        model.addAttribute("providers", PayoutProvider.values());
        model.addAttribute("provider", provider != null ? provider : account != null ? account.provider().name() : "");
        model.addAttribute("accountNumber", accountNumber);
        model.addAttribute("errors", errors);
        return "incentive/incentives";
    }

    /** R-71 link or change the account; a refusal is said beside the field, in the page's language. */
    @PostMapping("/incentives/payout-account")
    String link(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String provider,
            @RequestParam(required = false) String accountNumber, Model model, HttpServletResponse response,
            RedirectAttributes next, Locale language) {
        var errors = new FormErrors();
        PayoutProvider chosen = null;
        try {
            chosen = PayoutProvider.valueOf(provider == null ? "" : provider);
        } catch (IllegalArgumentException e) {
            errors.add("provider", text("incentives.error.provider", language));
        }
        String typed = accountNumber == null ? "" : accountNumber.strip();
        if (typed.isEmpty()) {
            errors.add("accountNumber", text("incentives.error.accountNumber", language));
        }
        if (!errors.any()) {
            try {
                switch (accounts.link(user.subjectId(), chosen, typed)) {
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
        return page(user.subjectId(), provider, typed, errors, model);
    }

    @GetMapping("/surveys/{seq}")
    String survey(@AuthenticationPrincipal CurrentUser user, @PathVariable int seq, Model model,
            HttpServletResponse response, Locale language) {
        return surveyPage(user.subjectId(), seq, Map.of(), new FormErrors(), model, response, language);
    }

    private String surveyPage(UUID participant, int seq, Map<String, String> chosen, FormErrors errors, Model model,
            HttpServletResponse response, Locale language) {
        model.addAttribute("seq", seq);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        if (seq < 1 || seq > 100 || surveys.openable(participant, seq) instanceof Surveys.Outcome.Refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", text("incentives.survey.SURVEY_NOT_OPEN", language));
            return "incentive/survey";
        }
        boolean answered = incentives.view(participant).surveys().stream()
                .anyMatch(s -> s.seq() == seq && s.status() == Incentives.SurveyStatus.ANSWERED);
        if (answered) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", text("incentives.survey.ALREADY_ANSWERED", language));
            return "incentive/survey";
        }
        model.addAttribute("form", surveys.form(seq, language));
        return "incentive/survey";
    }

    /** R-73 one radio group per question, named by the question's id; its value is the option's id. */
    @PostMapping("/surveys/{seq}")
    String answer(@AuthenticationPrincipal CurrentUser user, @PathVariable int seq,
            @RequestParam Map<String, String> fields, Model model, HttpServletResponse response,
            RedirectAttributes next, Locale language) {
        var answers = new ArrayList<Surveys.Answer>();
        var chosen = new java.util.HashMap<String, String>();
        var errors = new FormErrors();
        int index = 0;
        for (var question : Surveys.QUESTIONS.keySet()) {
            index++;
            String option = fields.get(question);
            if (option == null || !Surveys.QUESTIONS.get(question).contains(option)) {
                errors.add(question, messages.getMessage("incentives.survey.choose", new Object[] {index}, language));
            } else {
                answers.add(new Surveys.Answer(question, option));
                chosen.put(question, option);
            }
        }
        if (!errors.any() && seq >= 1 && seq <= 100) {
            switch (surveys.answer(user.subjectId(), seq, List.copyOf(answers))) {
                case Surveys.Outcome.Done d -> {
                    next.addFlashAttribute("notice", messages.getMessage("incentives.survey.answered",
                            new Object[] {seq}, language));
                    return "redirect:/incentives";
                }
                case Surveys.Outcome.Refused r -> {
                    response.setStatus(HttpStatus.CONFLICT.value());
                    model.addAttribute("seq", seq);
                    model.addAttribute("chosen", chosen);
                    model.addAttribute("errors", errors);
                    model.addAttribute("refusal", text("incentives.survey." + r.reason().name(), language));
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
