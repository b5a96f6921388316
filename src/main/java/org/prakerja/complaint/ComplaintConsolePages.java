package org.prakerja.complaint;

import jakarta.annotation.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.PageRequest;
import org.prakerja.login.CurrentUser;
import org.prakerja.login.Role;
import org.prakerja.web.FormErrors;
import org.prakerja.web.RefusedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * the console's complaint pages: the queue (overdue first), a complaint with its
 * conversation and attachments, and the answer form. Answers go through {@link Complaints#answer},
 * as the API's do, so the filer hears of them and the audit trail records them. SecurityConfig
 * lets staff read and only ADMIN and OPERATOR post; an AUDITOR is not shown the form either.
 */
@Controller
@RequestMapping("/ops/complaints")
class ComplaintConsolePages {

    static final int PAGE_SIZE = 20;

    private final Complaints complaints;
    private final Attachments attachments;
    private final MessageSource messages;

    ComplaintConsolePages(Complaints complaints, Attachments attachments, MessageSource messages) {
        this.complaints = complaints;
        this.attachments = attachments;
        this.messages = messages;
    }

    /** The queue's filters as the form holds them; an unknown value is no filter. */
    record Filters(@Nullable ComplaintStatus status, @Nullable ComplaintCategory category, @Nullable Boolean overdue) {
    }

    @GetMapping
    String queue(@RequestParam(name = "status", required = false) @Nullable String status,
            @RequestParam(name = "category", required = false) @Nullable String category,
            @RequestParam(name = "overdue", required = false) @Nullable String overdue,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        var filters = new Filters(parse(ComplaintStatus.values(), status), parse(ComplaintCategory.values(), category),
                "true".equals(overdue) ? Boolean.TRUE : "false".equals(overdue) ? Boolean.FALSE : null);
        var found = complaints.queue(new QueueFilter(filters.status(), filters.category(), filters.overdue()),
                new PageRequest(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("filters", filters);
        model.addAttribute("queue", found);
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("lastPage", Math.max(0, (found.total() - 1) / PAGE_SIZE));
        return "complaint/ops/queue";
    }

    @GetMapping("/{ticket}")
    String complaint(@PathVariable String ticket, @AuthenticationPrincipal CurrentUser operator, Model model) {
        return complaintPage(model, ticket, operator, null, "", new FormErrors());
    }

    @PostMapping("/{ticket}")
    String answer(@PathVariable String ticket, @RequestParam(name = "status", required = false) @Nullable String status,
            @RequestParam(name = "response", required = false) @Nullable String response,
            @AuthenticationPrincipal CurrentUser operator, Model model, RedirectAttributes redirect) {
        String typed = response == null ? "" : response.strip();
        ComplaintStatus to = parse(ComplaintStatus.values(), status);
        var errors = new FormErrors();
        if (to == null) {
            errors.add("status", text("ops.complaints.status-required"));
        } else if (to.needsResponse() && typed.isEmpty()) {
            errors.add("response", text("ops.complaints.response-required"));
        }
        if (typed.length() > ComplaintController.TEXT_LIMIT) {
            errors.add("response", text("complaint.form.too-long", ComplaintController.TEXT_LIMIT));
        }
        if (errors.any()) {
            return complaintPage(model, ticket, operator, to, typed, errors);
        }
        try {
            return switch (complaints.answer(ticket, operator.asActor(), to, typed)) {
                case ComplaintChange.Changed<OperatorComplaintView> changed -> {
                    redirect.addFlashAttribute("answered", to);
                    yield "redirect:/ops/complaints/" + changed.complaint().ticket();
                }
                case ComplaintChange.Refused<OperatorComplaintView> refused
                        when refused.reason() == ComplaintRefusal.ILLEGAL_TRANSITION ->
                        complaintPage(model, ticket, operator, to, typed, errors.add("status", text("ops.complaints.illegal")));
                case ComplaintChange.Refused<OperatorComplaintView> refused -> throw new RefusedException(refused.reason());
            };
        } catch (InvalidInput same) {
            // the status stays as it is: then there must be something to say
            return complaintPage(model, ticket, operator, to, typed, errors.add("response", text("ops.complaints.response-to-say")));
        }
    }

    @GetMapping("/{ticket}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String ticket, @PathVariable UUID attachmentId) {
        return attachments.forOperator(ticket, attachmentId).map(AttachmentDownload::of)
                .orElseThrow(() -> new RefusedException(ComplaintRefusal.ATTACHMENT_NOT_FOUND));
    }

    private String complaintPage(Model model, String ticket, CurrentUser operator, @Nullable ComplaintStatus chosen,
            String response, FormErrors errors) {
        var complaint = complaints.forOperator(ticket)
                .orElseThrow(() -> new RefusedException(ComplaintRefusal.COMPLAINT_NOT_FOUND));
        List<ComplaintStatus> moves = Arrays.stream(ComplaintStatus.values())
                .filter(complaint.status()::operatorMayMoveTo).toList();
        model.addAttribute("complaint", complaint);
        model.addAttribute("moves", moves);
        // an auditor reads; the server refuses their posts anyway (SecurityConfig)
        model.addAttribute("mayAnswer", operator.role() != Role.AUDITOR && !moves.isEmpty());
        model.addAttribute("chosen", chosen != null ? chosen : moves.isEmpty() ? null : moves.get(0));
        model.addAttribute("response", response);
        model.addAttribute("errors", errors);
        return "complaint/ops/complaint";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    @Nullable
    private static <E extends Enum<E>> E parse(E[] values, @Nullable String name) {
        return name == null ? null : Arrays.stream(values).filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }
}
