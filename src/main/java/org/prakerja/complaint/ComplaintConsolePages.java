package org.prakerja.complaint;

import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
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
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

    /** The queue's page: its filters and the complaints found. */
    record QueueView(Filters filters, Paged<QueueItem> queue) {
        public ComplaintStatus[] statuses() {
            return ComplaintStatus.values();
        }

        public ComplaintCategory[] categories() {
            return ComplaintCategory.values();
        }

        public long pages() {
            return (queue.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        }
    }

    /** The answer form as typed: the new status's name and the response, stripped. */
    record Answer(@Nullable String status, @Size(max = ComplaintController.TEXT_LIMIT) String response) {
        Answer {
            response = response == null ? "" : response.strip();
        }
    }

    /**
     * A complaint's page in the console: the complaint, the statuses it may move to, whether this
     * reader may answer, and the answer form as typed with what is wrong with it.
     */
    record AnswerView(OperatorComplaintView complaint, List<ComplaintStatus> moves, boolean mayAnswer,
            @Nullable ComplaintStatus chosen, String response, FormErrors errors) {
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
        model.addAttribute("view", new QueueView(filters, found));
        return "complaint/ops/queue";
    }

    @GetMapping("/{ticket}")
    String complaint(@PathVariable String ticket, @AuthenticationPrincipal CurrentUser operator, Model model) {
        return complaintPage(model, ticket, operator, null, "", new FormErrors());
    }

    @PostMapping("/{ticket}")
    String answer(@PathVariable String ticket, @Valid @ModelAttribute("answer") Answer typed, BindingResult shapes,
            @AuthenticationPrincipal CurrentUser operator, Model model, RedirectAttributes redirect) {
        ComplaintStatus to = parse(ComplaintStatus.values(), typed.status());
        var errors = new FormErrors();
        if (to == null) {
            errors.add("status", text("ops.complaints.status-required"));
        } else if (to.needsResponse() && typed.response().isEmpty()) {
            errors.add("response", text("ops.complaints.response-required"));
        }
        if (shapes.hasFieldErrors("response")) {
            errors.add("response", text("complaint.form.too-long", ComplaintController.TEXT_LIMIT));
        }
        if (errors.any()) {
            return complaintPage(model, ticket, operator, to, typed.response(), errors);
        }
        try {
            return switch (complaints.answer(ticket, operator.asActor(), to, typed.response())) {
                case ComplaintChange.Changed<OperatorComplaintView> changed -> {
                    redirect.addFlashAttribute("answered", to);
                    yield "redirect:/ops/complaints/" + changed.complaint().ticket();
                }
                case ComplaintChange.Refused<OperatorComplaintView> refused
                        when refused.reason() == ComplaintRefusal.ILLEGAL_TRANSITION ->
                        complaintPage(model, ticket, operator, to, typed.response(),
                                errors.add("status", text("ops.complaints.illegal")));
                case ComplaintChange.Refused<OperatorComplaintView> refused -> throw new RefusedException(refused.reason());
            };
        } catch (InvalidInput same) {
            // the status stays as it is: then there must be something to say
            return complaintPage(model, ticket, operator, to, typed.response(),
                    errors.add("response", text("ops.complaints.response-to-say")));
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
        // an auditor reads; the server refuses their posts anyway (SecurityConfig)
        boolean mayAnswer = operator.role() != Role.AUDITOR && !moves.isEmpty();
        model.addAttribute("view", new AnswerView(complaint, moves, mayAnswer,
                chosen != null ? chosen : moves.isEmpty() ? null : moves.get(0), response, errors));
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
