package org.prakerja.registration;

import jakarta.annotation.Nullable;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import java.util.UUID;
import org.prakerja.common.Masking;
import org.prakerja.login.CurrentUser;
import org.prakerja.login.Role;
import org.prakerja.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The two codes of a registration: the one emailed and the one sent by SMS, for the
 * registration just made in this session or the signed-in participant's. A channel already verified
 * asks for no code.
 */
@Controller
class VerificationPage {

    /** The codes as typed, stripped; a verified channel's is not asked for, so its shape does not count. */
    record Codes(@Pattern(regexp = "[0-9]{6}") String emailCode, @Pattern(regexp = "[0-9]{6}") String smsCode) {
        Codes {
            emailCode = emailCode == null ? "" : emailCode.strip();
            smsCode = smsCode == null ? "" : smsCode.strip();
        }
    }

    /** Where the codes went (masked), how long they last, which channels are done, and what was wrong. */
    record VerifyView(String emailMasked, String phoneEnd, long minutes, boolean emailVerified, boolean phoneVerified,
            FormErrors errors) {
    }

    private final Registrations registrations;
    private final Participants participants;
    private final VerificationCodes codes;
    private final MessageSource messages;

    VerificationPage(Registrations registrations, Participants participants, VerificationCodes codes,
            MessageSource messages) {
        this.registrations = registrations;
        this.participants = participants;
        this.codes = codes;
        this.messages = messages;
    }

    /** Whose codes: the registration just made in this session, or the signed-in participant's. */
    @Nullable
    private static UUID pending(HttpSession session, @Nullable CurrentUser user) {
        if (user != null && user.role() == Role.PARTICIPANT) {
            return user.subjectId();
        }
        return session.getAttribute(RegistrationPages.PENDING) instanceof UUID id ? id : null;
    }

    @GetMapping("/register/verify")
    String verifyForm(HttpSession session, @AuthenticationPrincipal CurrentUser user, Model model) {
        UUID id = pending(session, user);
        if (id == null) {
            return "redirect:/register";
        }
        return show(model, id, new FormErrors());
    }

    @PostMapping("/register/verify")
    String verify(@Valid @ModelAttribute("codes") Codes typed, BindingResult shapes, HttpSession session,
            @AuthenticationPrincipal CurrentUser user, Model model, Locale language) {
        UUID id = pending(session, user);
        if (id == null) {
            return "redirect:/register";
        }
        var participant = participants.find(id).orElse(null);
        if (participant == null) {
            session.removeAttribute(RegistrationPages.PENDING);
            return "redirect:/register";
        }
        var errors = new FormErrors();
        if (!participant.emailVerified() && shapes.hasFieldErrors("emailCode")) {
            errors.add("emailCode", text("verify.error.format", language));
        }
        if (!participant.phoneVerified() && shapes.hasFieldErrors("smsCode")) {
            errors.add("smsCode", text("verify.error.format", language));
        }
        if (errors.any()) {
            return show(model, id, errors);
        }
        if (!participant.emailVerified()) {
            check(id, VerificationCodes.Channel.EMAIL, typed.emailCode(), "emailCode", errors, language);
        }
        if (!participant.phoneVerified()) {
            check(id, VerificationCodes.Channel.SMS, typed.smsCode(), "smsCode", errors, language);
        }
        if (errors.any()) {
            return show(model, id, errors);
        }
        session.removeAttribute(RegistrationPages.PENDING);
        return user != null ? "redirect:/dashboard" : "redirect:/login?verified";
    }

    private void check(UUID id, VerificationCodes.Channel channel, String code, String field, FormErrors errors,
            Locale language) {
        if (registrations.verify(id, channel, code) instanceof VerificationResult.Refused r) {
            errors.add(field, text("verify.refused." + r.reason().name(), language));
        }
    }

    private String show(Model model, UUID id, FormErrors errors) {
        var p = participants.find(id).orElseThrow();
        model.addAttribute("view", new VerifyView(Masking.email(p.email()), p.phone().substring(p.phone().length() - 4),
                codes.lifetime().toMinutes(), p.emailVerified(), p.phoneVerified(), errors));
        return "registration/verify";
    }

    private String text(String key, Locale language) {
        return messages.getMessage(key, null, language);
    }
}
