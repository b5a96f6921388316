package org.prakerja.complaint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.UUID;
import org.prakerja.common.InvalidInput;
import org.prakerja.login.CurrentUser;
import org.prakerja.login.Role;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * R-80 complaints for whoever files them. Public paths (SecurityConfig): the filer is recognised
 * here, by a participant's token or by {@code ?email=} of the contact email; to anyone else a
 * ticket answers 404 exactly as an unknown one does.
 */
@RestController
@RequestMapping("/api/v1/complaints")
@Tag(name = "Participant: complaints")
class ComplaintController {

    static final int TEXT_LIMIT = 5000;

    private final Complaints complaints;
    private final Attachments attachments;

    ComplaintController(Complaints complaints, Attachments attachments) {
        this.complaints = complaints;
        this.attachments = attachments;
    }

    record ComplaintForm(@NotNull ComplaintCategory category, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = TEXT_LIMIT) String description, @Nullable @Size(max = 100) String reference,
            @Nullable @Email @Size(max = 254) String contactEmail) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a complaint (R-80)",
            description = "Linked to the participant when a participant's token is sent; contactEmail is required without one")
    Filed file(@Valid @RequestBody ComplaintForm form, @AuthenticationPrincipal @Nullable CurrentUser user) {
        UUID participant = participantOf(user);
        return complaints.file(new NewComplaint(form.category(), form.title(), form.description(), form.reference()),
                participant, form.contactEmail());
    }

    @GetMapping("/{ticket}")
    @Operation(summary = "A complaint, to its filer: own ticket with a token, or ?email= of the filer")
    @Refuses(value = ComplaintRefusal.class, codes = "COMPLAINT_NOT_FOUND")
    ComplaintView complaint(@PathVariable String ticket, @RequestParam(required = false) @Nullable @Size(max = 254) String email,
            @AuthenticationPrincipal @Nullable CurrentUser user) {
        return complaints.forFiler(ticket, claimant(user, email))
                .orElseThrow(() -> new RefusedException(ComplaintRefusal.COMPLAINT_NOT_FOUND));
    }

    record ComplaintReply(@NotBlank @Size(max = TEXT_LIMIT) String text) {
    }

    @PostMapping("/{ticket}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The filer writes again (R-80); a RESOLVED or REJECTED complaint reopens as OPEN")
    @Refuses(value = ComplaintRefusal.class, codes = "COMPLAINT_NOT_FOUND")
    ComplaintView reply(@PathVariable String ticket, @RequestParam(required = false) @Nullable @Size(max = 254) String email,
            @Valid @RequestBody ComplaintReply body, @AuthenticationPrincipal @Nullable CurrentUser user) {
        return switch (complaints.reply(ticket, claimant(user, email), body.text())) {
            case ComplaintChange.Changed<ComplaintView> c -> c.complaint();
            case ComplaintChange.Refused<ComplaintView> r -> throw new RefusedException(r.reason());
        };
    }

    @PostMapping(value = "/{ticket}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a file (R-80): JPEG, PNG or PDF by content, at most 2 MB, at most 3 per complaint",
            description = "415 UNSUPPORTED_MEDIA_TYPE: the content is none of the three, whatever the file's name")
    @Refuses(value = ComplaintRefusal.class, codes = {"COMPLAINT_NOT_FOUND", "TOO_MANY_ATTACHMENTS"})
    AttachmentView attach(@PathVariable String ticket, @RequestParam(required = false) @Nullable @Size(max = 254) String email,
            @RequestPart("file") MultipartFile file, @AuthenticationPrincipal @Nullable CurrentUser user) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInput("file", "is empty");
        }
        return switch (attachments.attach(ticket, claimant(user, email), file.getBytes())) {
            case AttachmentResult.Attached a -> a.attachment();
            case AttachmentResult.Refused r -> throw new RefusedException(r.reason());
        };
    }

    @GetMapping("/{ticket}/attachments/{attachmentId}")
    @Operation(summary = "An attachment's file, to the filer")
    @ApiResponse(responseCode = "200", description = "the file", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @Refuses(value = ComplaintRefusal.class, codes = {"COMPLAINT_NOT_FOUND", "ATTACHMENT_NOT_FOUND"})
    ResponseEntity<byte[]> attachment(@PathVariable String ticket, @PathVariable UUID attachmentId,
            @RequestParam(required = false) @Nullable @Size(max = 254) String email,
            @AuthenticationPrincipal @Nullable CurrentUser user) {
        var who = claimant(user, email);
        if (complaints.findOwned(ticket, who).isEmpty()) {
            throw new RefusedException(ComplaintRefusal.COMPLAINT_NOT_FOUND);
        }
        return attachments.forFiler(ticket, attachmentId, who).map(AttachmentDownload::of)
                .orElseThrow(() -> new RefusedException(ComplaintRefusal.ATTACHMENT_NOT_FOUND));
    }

    private static Claimant claimant(@Nullable CurrentUser user, @Nullable String email) {
        return new Claimant(participantOf(user), email == null || email.isBlank() ? null : email);
    }

    private static UUID participantOf(@Nullable CurrentUser user) {
        return user != null && user.role() == Role.PARTICIPANT ? user.subjectId() : null;
    }
}
