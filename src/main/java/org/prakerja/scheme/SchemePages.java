package org.prakerja.scheme;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.prakerja.audit.Accountable;
import org.prakerja.common.InvalidInput;
import org.prakerja.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The console's schemes (docs/portal.md, R-25): every scheme for every operator to read; an ADMIN adds
 * one through {@link Schemes#create}, the path POST /api/v1/ops/schemes takes (SecurityConfig lets
 * only an ADMIN post here).
 */
@Controller
class SchemePages {

    private final Schemes schemes;
    private final MessageSource messages;

    SchemePages(Schemes schemes, MessageSource messages) {
        this.schemes = schemes;
        this.messages = messages;
    }

    /** The form as typed, the API's field names; kept as text so a bad value is shown back. */
    record SchemeForm(String name, String trainingBalance, String incentiveAmount, String incentiveCount,
            String incentiveIntervalDays, String surveyAmount, String surveyCount, String firstPurchaseDays,
            String minAge, String maxAge) {

        static SchemeForm empty() {
            return new SchemeForm("", "", "", "", "30", "", "", "30", "18", "");
        }
    }

    /** The form's number fields in order, with the API's upper bounds. */
    static final List<String> NUMBERS = List.of("trainingBalance", "incentiveAmount", "incentiveCount",
            "incentiveIntervalDays", "surveyAmount", "surveyCount", "firstPurchaseDays", "minAge", "maxAge");

    /** The schemes page: every scheme, which is the default, and the new-scheme form as typed. */
    record SchemesView(List<Scheme> schemes, String defaultScheme, SchemeForm form, FormErrors errors) {
    }

    @GetMapping("/ops/schemes")
    String list(Model model) {
        return page(SchemeForm.empty(), new FormErrors(), model);
    }

    private String page(SchemeForm form, FormErrors errors, Model model) {
        model.addAttribute("view", new SchemesView(schemes.all(), schemes.defaultScheme().name(), form, errors));
        return "scheme/ops-schemes";
    }

    @PostMapping("/ops/schemes")
    String create(@ModelAttribute SchemeForm form, @AuthenticationPrincipal Accountable admin, Model model,
            HttpServletResponse response, Locale language) {
        var errors = new FormErrors();
        Long balance = number(form.trainingBalance(), 1_000_000_000L, "trainingBalance", errors, language);
        Long incentive = number(form.incentiveAmount(), 1_000_000_000L, "incentiveAmount", errors, language);
        Long count = number(form.incentiveCount(), 1000, "incentiveCount", errors, language);
        Long interval = number(form.incentiveIntervalDays(), 3660, "incentiveIntervalDays", errors, language);
        Long survey = number(form.surveyAmount(), 1_000_000_000L, "surveyAmount", errors, language);
        Long surveys = number(form.surveyCount(), 1000, "surveyCount", errors, language);
        Long firstPurchase = number(form.firstPurchaseDays(), 3660, "firstPurchaseDays", errors, language);
        Long minAge = number(form.minAge(), 150, "minAge", errors, language);
        Long maxAge = form.maxAge() == null || form.maxAge().isBlank() ? null
                : number(form.maxAge(), 150, "maxAge", errors, language);
        if (!errors.any()) {
            var scheme = new Scheme(form.name() == null ? "" : form.name().strip(), balance, incentive,
                    count.intValue(), interval.intValue(), survey, surveys.intValue(), firstPurchase.intValue(),
                    minAge.intValue(), maxAge == null ? null : maxAge.intValue());
            try {
                switch (schemes.create(scheme, admin.asActor())) {
                    case Schemes.Creation.Created c -> {
                        return "redirect:/ops/schemes?created=" + c.scheme().name();
                    }
                    case Schemes.Creation.Refused r -> errors.add("name",
                            messages.getMessage("ops.schemes.error." + r.reason().name(), null, language));
                }
            } catch (InvalidInput e) {
                errors.add(e.field(), messages.getMessage("ops.schemes.error.rule." + e.field(), null, language));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(form, errors, model);
    }

    /** A whole number from 0 to {@code max}, or a message on the field (a negative amount among them). */
    private Long number(String value, long max, String field, FormErrors errors, Locale language) {
        try {
            long n = Long.parseLong(value == null ? "" : value.strip());
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below like any number out of range
        }
        errors.add(field, messages.getMessage("ops.schemes.error.range",
                new Object[] {messages.getMessage("ops.scheme." + field, null, language), max}, language));
        return null;
    }
}
