package org.prakerja.complaint;

import jakarta.annotation.Nullable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.prakerja.common.Refusal;
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

    /** What was typed into the form, kept when it is shown again. */
    record Typed(String category, String title, String description, String reference, String contactEmail) {

        static Typed empty() {
            return new Typed("", "", "", "", "");
        }
    }

    @GetMapping("/complaints/new")
    String form(@RequestParam(name = "category", required = false) @Nullable String category,
            @RequestParam(name = "reference", required = false) @Nullable String reference,
            @AuthenticationPrincipal @Nullable CurrentUser user, Model model) {
        var typed = new Typed(category == null ? "" : category, "", "", reference == null ? "" : reference, "");
        return formPage(model, typed, new FormErrors(), user);
    }

    @PostMapping("/complaints/new")
    String file(@RequestParam(name = "category", required = false) @Nullable String category,
            @RequestParam(name = "title", required = false) @Nullable String title,
            @RequestParam(name = "description", required = false) @Nullable String description,
            @RequestParam(name = "reference", required = false) @Nullable String reference,
            @RequestParam(name = "contactEmail", required = false) @Nullable String contactEmail,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> files,
            @AuthenticationPrincipal @Nullable CurrentUser user, Model model, RedirectAttributes redirect)
            throws IOException {
        UUID participant = participantOf(user);
        var typed = new Typed(strip(category), strip(title), strip(description), strip(reference),
                participant == null ? strip(contactEmail) : "");
        var errors = new FormErrors();
        ComplaintCategory chosen = Arrays.stream(ComplaintCategory.values())
                .filter(c -> c.name().equals(typed.category())).findFirst().orElse(null);
        if (chosen == null) {
            errors.add("category", text("complaint.form.category-required"));
        }
        if (typed.title().isEmpty()) {
            errors.add("title", text("complaint.form.title-required"));
        } else if (typed.title().length() > 200) {
            errors.add("title", text("complaint.form.too-long", 200));
        }
        if (typed.description().isEmpty()) {
            errors.add("description", text("complaint.form.description-required"));
        } else if (typed.description().length() > ComplaintController.TEXT_LIMIT) {
            errors.add("description", text("complaint.form.too-long", ComplaintController.TEXT_LIMIT));
        }
        if (typed.reference().length() > 100) {
            errors.add("reference", text("complaint.form.too-long", 100));
        }
        if (participant == null && (typed.contactEmail().isEmpty() || typed.contactEmail().length() > 254
                || !typed.contactEmail().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.add("contactEmail", text("complaint.form.email-required"));
        }
        // the inputs left empty are skipped; each file keeps its input's number for the messages
        var chosenFiles = new ArrayList<byte[]>();
        var inputs = new ArrayList<Integer>();
        List<MultipartFile> sent = files == null ? List.of() : files;
        for (int i = 0; i < sent.size(); i++) {
            if (!sent.get(i).isEmpty()) {
                chosenFiles.add(sent.get(i).getBytes());
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
            @RequestParam(name = "text", required = false) @Nullable String text,
            @AuthenticationPrincipal @Nullable CurrentUser user, Model model, RedirectAttributes redirect) {
        String typed = strip(text);
        if (typed.isEmpty() || typed.length() > ComplaintController.TEXT_LIMIT) {
            var errors = new FormErrors().add("text", typed.isEmpty() ? text("complaint.reply.required")
                    : text("complaint.form.too-long", ComplaintController.TEXT_LIMIT));
            return ticketPage(model, ticket, email, user, typed, errors);
        }
        return switch (complaints.reply(ticket, claimant(user, email), typed)) {
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
        model.addAttribute("complaints", complaints.ofParticipant(user.subjectId()));
        return "complaint/list";
    }

    private String ticketPage(Model model, String ticket, @Nullable String email, @Nullable CurrentUser user,
            String reply, FormErrors errors) {
        var complaint = complaints.forFiler(ticket, claimant(user, email))
                .orElseThrow(() -> new RefusedException(ComplaintRefusal.COMPLAINT_NOT_FOUND));
        String filerEmail = blankToNull(email);
        model.addAttribute("complaint", complaint);
        model.addAttribute("email", filerEmail);
        model.addAttribute("followPath", ticketPath(complaint.ticket(), filerEmail));
        model.addAttribute("reply", reply);
        model.addAttribute("errors", errors);
        return "complaint/ticket";
    }

    private String formPage(Model model, Typed typed, FormErrors errors, @Nullable CurrentUser user) {
        model.addAttribute("form", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("asParticipant", participantOf(user) != null);
        model.addAttribute("maxAttachments", settings.maxAttachments());
        model.addAttribute("maxMegabytes", settings.maxAttachmentSize().toMegabytes());
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

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
