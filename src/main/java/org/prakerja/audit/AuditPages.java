package org.prakerja.audit;

import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.prakerja.web.FormErrors;
import org.prakerja.web.FormText;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * R-84 the audit trail in the console, newest first, filtered by actor, action and a range of days
 * (Western Indonesian Time, both days included). SecurityConfig lets AUDITOR and ADMIN read it, as
 * {@code GET /api/v1/ops/audit}.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 25;
    /** The program's zone: the trail's days and months run in WIB. */
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final AuditTrail trail;
    private final MessageSource messages;

    AuditPages(AuditTrail trail, MessageSource messages) {
        this.trail = trail;
        this.messages = messages;
    }

    /** The filters as typed, stripped (the action in capitals), shown again in the form and carried by the pager. */
    record Filters(@Size(max = 254) String actor, @Size(max = 64) String action, String from, String to) {
        Filters {
            actor = FormText.of(actor);
            action = FormText.of(action).toUpperCase(Locale.ROOT);
            from = FormText.of(from);
            to = FormText.of(to);
        }
    }

    /** The trail's page: the filters, what is wrong with them, and the entries found (none while something is). */
    record TrailView(Filters filters, FormErrors errors, @Nullable Paged<AuditEntry> trail) {
        public long pages() {
            return trail == null ? 0 : (trail.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        }
    }

    @GetMapping("/ops/audit")
    String audit(@Valid @ModelAttribute("filters") Filters filters, BindingResult shapes,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        var errors = new FormErrors();
        if (shapes.hasFieldErrors("actor")) {
            errors.add("actor", text("ops.audit.too-long"));
        }
        if (shapes.hasFieldErrors("action")) {
            errors.add("action", text("ops.audit.too-long"));
        }
        Instant since = day(filters.from(), "from", errors);
        Instant until = day(filters.to(), "to", errors);
        if (since != null && until != null && !since.isBefore(until.plusSeconds(86_400))) {
            errors.add("to", text("ops.audit.range"));
        }
        Paged<AuditEntry> found = errors.any() ? null
                : trail.search(new AuditQuery(emptyToNull(filters.actor()), emptyToNull(filters.action()), since,
                        until == null ? null : until.plusSeconds(86_400)), new PageRequest(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("view", new TrailView(filters, errors, found));
        return "audit/trail";
    }

    /** The start of a typed day (yyyy-mm-dd) in WIB; null when none was typed or it is no date. */
    @Nullable
    private Instant day(String typed, String field, FormErrors errors) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(typed).atStartOfDay(WIB).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, text("ops.audit.date-invalid"));
            return null;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }


    @Nullable
    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
