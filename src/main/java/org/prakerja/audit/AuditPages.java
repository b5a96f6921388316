package org.prakerja.audit;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.prakerja.common.PageRequest;
import org.prakerja.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    /** The filters as typed, shown again in the form and carried by the paging links. */
    record Filters(String actor, String action, String from, String to) {
    }

    @GetMapping("/ops/audit")
    String audit(@RequestParam(name = "actor", required = false) @Nullable String actor,
            @RequestParam(name = "action", required = false) @Nullable String action,
            @RequestParam(name = "from", required = false) @Nullable String from,
            @RequestParam(name = "to", required = false) @Nullable String to,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        var filters = new Filters(strip(actor), strip(action).toUpperCase(java.util.Locale.ROOT), strip(from), strip(to));
        var errors = new FormErrors();
        if (filters.actor().length() > 254) {
            errors.add("actor", text("ops.audit.too-long"));
        }
        if (filters.action().length() > 64) {
            errors.add("action", text("ops.audit.too-long"));
        }
        Instant since = day(filters.from(), "from", errors);
        Instant until = day(filters.to(), "to", errors);
        if (since != null && until != null && !since.isBefore(until.plusSeconds(86_400))) {
            errors.add("to", text("ops.audit.range"));
        }
        model.addAttribute("filters", filters);
        model.addAttribute("errors", errors);
        if (!errors.any()) {
            var found = trail.search(new AuditQuery(emptyToNull(filters.actor()), emptyToNull(filters.action()), since,
                    until == null ? null : until.plusSeconds(86_400)), new PageRequest(Math.max(page, 0), PAGE_SIZE));
            model.addAttribute("trail", found);
            model.addAttribute("lastPage", Math.max(0, (found.total() - 1) / PAGE_SIZE));
        }
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

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    @Nullable
    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
