package org.prakerja.complaint;

import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.prakerja.common.Refusal;
import org.prakerja.login.CurrentUser;
import org.prakerja.login.Role;
import org.prakerja.web.FormErrors;
import org.prakerja.web.FormText;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * R-80 the complaint pages for whoever files: the form (with its attachments in the same multipart
 * form), the ticket with its conversation and a reply form, and a participant's own list. As in
 * {@link ComplaintController}, a ticket shows only to its filer (the signed-in participant, or
 * {@code ?email=} of the contact email); anyone else gets the unknown ticket's 404 page.
 */
@Controller
class ComplaintPages {

    private final Complaints complaints;
    private final Attachments attachments;
    private final ComplaintSettings settings;
    private final MessageSource messages;

    ComplaintPages(Complaints complaints, Attachments attachments, ComplaintSettings settings, MessageSource messages) {
        this.complaints = complaints;
        this.attachments = attachments;
        this.settings = settings;
        this.messages = messages;
    }

    /**
     * What was typed into the form, stripped, kept when it is shown again. The contact email is a
     * visitor's only: a participant is answered on the portal.
     */
    record Typed(String category, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = ComplaintController.TEXT_LIMIT) String description, @Size(max = 100) String reference,
            @Size(max = 254) @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+|") String contactEmail) {

        Typed {
            category = FormText.of(category);
            title = FormText.of(title);
            description = FormText.of(description);
            reference = FormText.of(reference);
            contactEmail = FormText.of(contactEmail);
        }

        Typed withoutContact() {
            return new Typed(category, title, description, reference, "");
        }
    }

    /** The form's page: what was typed, what is wrong with it, and the attachments' limits. */
    record FormView(Typed form, FormErrors errors, boolean asParticipant, int maxAttachments, long maxMegabytes) {
        public ComplaintCategory[] categories() {
            return ComplaintCategory.values();
        }
    }

    /** The reply as typed, stripped. */
    record Reply(@NotBlank @Size(max = ComplaintController.TEXT_LIMIT) String text) {
        Reply {
            text = FormText.of(text);
        }
    }

    /**
     * A ticket's page for its filer: the complaint, the contact email that opened it (null for a
     * participant), the address to follow it by, and the reply form as typed.
     */
    record TicketView(ComplaintView complaint, @Nullable String email, String followPath, String reply,
            FormErrors errors) {
    }

    /** A participant's own complaints. */
    record ListView(List<OwnComplaint> complaints) {
    }

    @GetMapping("/complaints/new")
    String form(@RequestParam(name = "category", required = false) @Nullable String category,
            @RequestParam(name = "reference", required = false) @Nullable String reference,
            @AuthenticationPrincipal @Nullable CurrentUser user, Model model) {
        var typed = new Typed(category, "", "", reference, "");
        return formPage(model, typed, new FormErrors(), user);
    }

    @PostMapping("/complaints/new")
    String file(@Valid @ModelAttribute("complaintForm") Typed sent, BindingResult shapes,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> files,
            @AuthenticationPrincipal @Nullable CurrentUser user, Model model, RedirectAttributes redirect)
            throws IOException {
        UUID participant = participantOf(user);
        var typed = participant == null ? sent : sent.withoutContact();
        var errors = new FormErrors();
        ComplaintCategory chosen = Arrays.stream(ComplaintCategory.values())
                .filter(c -> c.name().equals(typed.category())).findFirst().orElse(null);
        if (chosen == null) {
            errors.add("category", text("complaint.form.category-required"));
        }
        if (shapes.hasFieldErrors("title")) {
            errors.add("title", typed.title().isEmpty() ? text("complaint.form.title-required")
                    : text("complaint.form.too-long", 200));
        }
        if (shapes.hasFieldErrors("description")) {
            errors.add("description", typed.description().isEmpty() ? text("complaint.form.description-required")
                    : text("complaint.form.too-long", ComplaintController.TEXT_LIMIT));
        }
        if (shapes.hasFieldErrors("reference")) {
            errors.add("reference", text("complaint.form.too-long", 100));
        }
        if (participant == null && (typed.contactEmail().isEmpty() || shapes.hasFieldErrors("contactEmail"))) {
            errors.add("contactEmail", text("complaint.form.email-required"));
        }
        // the inputs left empty are skipped; each file keeps its input's number for the messages
        var chosenFiles = new ArrayList<byte[]>();
        var inputs = new ArrayList<Integer>();
        List<MultipartFile> attached = files == null ? List.of() : files;
        for (int i = 0; i < attached.size(); i++) {
            if (!attached.get(i).isEmpty()) {
                chosenFiles.add(attached.get(i).getBytes());
                inputs.add(i);
            }
        }
        if (errors.any()) {
            return formPage(model, typed, errors, user);
        }
        var complaint = new NewComplaint(chosen, typed.title(), typed.description(), typed.reference());
        return switch (attachments.fileWith(complaint, participant, participant == null ? typed.contactEmail() : null,
                chosenFiles)) {
            case Filing.Done done -> {
                redirect.addFlashAttribute("filed", Boolean.TRUE);
                yield "redirect:" + ticketPath(done.filed().ticket(), participant == null ? typed.contactEmail() : null);
            }
            case Filing.AttachmentRefused refused -> formPage(model, typed,
                    errors.add(fileField(inputs.get(refused.index())),
                            attachmentRefusal(inputs.get(refused.index()), refused.reason())), user);
        };
    }

    @GetMapping("/complaints/{ticket}")
    String complaint(@PathVariable String ticket, @RequestParam(name = "email", required = false) @Nullable String email,
            @AuthenticationPrincipal @Nullable CurrentUser user, Model model) {
        return ticketPage(model, ticket, email, user, "", new FormErrors());
    }

    @PostMapping("/complaints/{ticket}/messages")
    String reply(@PathVariable String ticket, @RequestParam(name = "email", required = false) @Nullable String email,
            @Valid @ModelAttribute("reply") Reply typed, BindingResult shapes,
            @AuthenticationPrincipal @Nullable CurrentUser user, Model model, RedirectAttributes redirect) {
        if (shapes.hasFieldErrors("text")) {
            var errors = new FormErrors().add("text", typed.text().isEmpty() ? text("complaint.reply.required")
                    : text("complaint.form.too-long", ComplaintController.TEXT_LIMIT));
            return ticketPage(model, ticket, email, user, typed.text(), errors);
        }
        return switch (complaints.reply(ticket, claimant(user, email), typed.text())) {
            case ComplaintChange.Changed<ComplaintView> changed -> {
                redirect.addFlashAttribute("replied", Boolean.TRUE);
                yield "redirect:" + ticketPath(changed.complaint().ticket(), blankToNull(email));
            }
            case ComplaintChange.Refused<ComplaintView> refused -> throw new RefusedException(refused.reason());
        };
    }

    @GetMapping("/complaints/{ticket}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String ticket, @PathVariable UUID attachmentId,
            @RequestParam(name = "email", required = false) @Nullable String email,
            @AuthenticationPrincipal @Nullable CurrentUser user) {
        return attachments.forFiler(ticket, attachmentId, claimant(user, email)).map(AttachmentDownload::of)
                .orElseThrow(() -> new RefusedException(ComplaintRefusal.COMPLAINT_NOT_FOUND));
    }

    /** The participant's own complaints (SecurityConfig.PARTICIPANT_PAGES). */
    @GetMapping("/complaints")
    String mine(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("view", new ListView(complaints.ofParticipant(user.subjectId())));
        return "complaint/list";
    }

    private String ticketPage(Model model, String ticket, @Nullable String email, @Nullable CurrentUser user,
            String reply, FormErrors errors) {
        var complaint = complaints.forFiler(ticket, claimant(user, email))
                .orElseThrow(() -> new RefusedException(ComplaintRefusal.COMPLAINT_NOT_FOUND));
        String filerEmail = blankToNull(email);
        model.addAttribute("view", new TicketView(complaint, filerEmail, ticketPath(complaint.ticket(), filerEmail),
                reply, errors));
        return "complaint/ticket";
    }

    private String formPage(Model model, Typed typed, FormErrors errors, @Nullable CurrentUser user) {
        model.addAttribute("view", new FormView(typed, errors, participantOf(user) != null, settings.maxAttachments(),
                settings.maxAttachmentSize().toMegabytes()));
        return "complaint/new";
    }

    private String attachmentRefusal(int index, Refusal reason) {
        return switch (reason.code()) {
            case "TOO_LARGE" -> text("complaint.attachment.too-large", index + 1, settings.maxAttachmentSize().toMegabytes());
            case "TOO_MANY_ATTACHMENTS" -> text("complaint.attachment.too-many", settings.maxAttachments());
            default -> text("complaint.attachment.unsupported", index + 1);
        };
    }

    /** The input the refused file came from; past the last input (a forged form), the first. */
    private String fileField(int index) {
        return "attachments-" + (index < settings.maxAttachments() ? index + 1 : 1);
    }

    /** The ticket's address: the public follow it with their contact email, a participant by signing in. */
    static String ticketPath(String ticket, @Nullable String email) {
        if (email == null) {
            return UriComponentsBuilder.fromPath("/complaints/{ticket}").encode().buildAndExpand(ticket).toUriString();
        }
        // as a variable, so that a "+" or "&" in the address is encoded too
        return UriComponentsBuilder.fromPath("/complaints/{ticket}").queryParam("email", "{email}").encode()
                .buildAndExpand(ticket, email).toUriString();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static Claimant claimant(@Nullable CurrentUser user, @Nullable String email) {
        return new Claimant(participantOf(user), blankToNull(email));
    }

    @Nullable
    private static UUID participantOf(@Nullable CurrentUser user) {
        return user != null && user.role() == Role.PARTICIPANT ? user.subjectId() : null;
    }


    @Nullable
    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
