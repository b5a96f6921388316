package org.prakerja.complaint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.prakerja.login.CurrentUser;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** the operators' complaint queue and answers. */
@RestController
@RequestMapping("/api/v1/ops/complaints")
@Tag(name = "Operator: complaints")
class ComplaintOpsController {

    private final Complaints complaints;
    private final Attachments attachments;

    ComplaintOpsController(Complaints complaints, Attachments attachments) {
        this.complaints = complaints;
        this.attachments = attachments;
    }

    @GetMapping
    @Operation(summary = "The complaint queue (R-85): overdue first, then the oldest",
            description = "overdue: not answered by an operator within prakerja.complaints.answer-within (3 days)")
    Paged<QueueItem> queue(@RequestParam(required = false) @Nullable ComplaintStatus status,
            @RequestParam(required = false) @Nullable ComplaintCategory category,
            @RequestParam(required = false) @Nullable Boolean overdue,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return complaints.queue(new QueueFilter(status, category, overdue), new PageRequest(page, size));
    }

    @GetMapping("/{ticket}")
    @Operation(summary = "A complaint with its filer, conversation and attachments")
    @Refuses(value = ComplaintRefusal.class, codes = "COMPLAINT_NOT_FOUND")
    OperatorComplaintView complaint(@PathVariable String ticket) {
        return complaints.forOperator(ticket).orElseThrow(() -> new RefusedException(ComplaintRefusal.COMPLAINT_NOT_FOUND));
    }

    record ComplaintAnswer(@NotNull ComplaintStatus status, @Nullable @Size(max = ComplaintController.TEXT_LIMIT) String response) {
    }

    @PatchMapping("/{ticket}")
    @Operation(summary = "Move a complaint on and answer its filer (R-80)",
            description = "response is required for RESOLVED and REJECTED; the filer gets it in the app and by email")
    @Refuses(value = ComplaintRefusal.class, codes = {"COMPLAINT_NOT_FOUND", "ILLEGAL_TRANSITION"})
    OperatorComplaintView answer(@PathVariable String ticket, @Valid @RequestBody ComplaintAnswer body,
            @AuthenticationPrincipal CurrentUser operator) {
        return switch (complaints.answer(ticket, operator.asActor(), body.status(), body.response())) {
            case ComplaintChange.Changed<OperatorComplaintView> c -> c.complaint();
            case ComplaintChange.Refused<OperatorComplaintView> r -> throw new RefusedException(r.reason());
        };
    }

    @GetMapping("/{ticket}/attachments/{attachmentId}")
    @Operation(summary = "An attachment's file")
    @ApiResponse(responseCode = "200", description = "the file", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @Refuses(value = ComplaintRefusal.class, codes = {"COMPLAINT_NOT_FOUND", "ATTACHMENT_NOT_FOUND"})
    ResponseEntity<byte[]> attachment(@PathVariable String ticket, @PathVariable UUID attachmentId) {
        if (complaints.find(ticket).isEmpty()) {
            throw new RefusedException(ComplaintRefusal.COMPLAINT_NOT_FOUND);
        }
        return attachments.forOperator(ticket, attachmentId).map(AttachmentDownload::of)
                .orElseThrow(() -> new RefusedException(ComplaintRefusal.ATTACHMENT_NOT_FOUND));
    }
}
