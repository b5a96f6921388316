package org.prakerja.registration;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.prakerja.login.Credentials;
import org.prakerja.login.CurrentUser;
import org.prakerja.login.PasswordPolicy;
import org.prakerja.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The participant's own account: the profile as registered (NIK masked) and a new password. */
@Controller
class AccountPage {

    private final Participants participants;
    private final Credentials credentials;
    private final MessageSource messages;

    AccountPage(Participants participants, Credentials credentials, MessageSource messages) {
        this.participants = participants;
        this.credentials = credentials;
        this.messages = messages;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal CurrentUser user, Model model) {
        return show(model, user, new FormErrors());
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String newPassword,
            HttpServletRequest request, Model model, RedirectAttributes next, Locale language) {
        var errors = new FormErrors();
        if (currentPassword.isEmpty() || currentPassword.length() > 200) {
            errors.add("currentPassword", messages.getMessage("account.error.current", null, language));
        }
        if (newPassword.length() > 128) {
            errors.add("newPassword", messages.getMessage("register.error.password", null, language));
        } else {
            PasswordPolicy.weakness(newPassword, user.email()).ifPresent(w ->
                    errors.add("newPassword", messages.getMessage("password.weak." + w.name(), null, language)));
        }
        if (errors.any()) {
            return show(model, user, errors);
        }
        if (!credentials.changePassword(user.subjectId(), currentPassword, newPassword, request.getSession().getId())) {
            errors.add("currentPassword", messages.getMessage("account.error.current", null, language));
            return show(model, user, errors);
        }
        // the session that changed the password goes on under a new id, the old one known to nobody
        request.changeSessionId();
        next.addFlashAttribute("changed", true);
        return "redirect:/account";
    }

    private String show(Model model, CurrentUser user, FormErrors errors) {
        model.addAttribute("profile", participants.profile(user.subjectId()).orElseThrow());
        model.addAttribute("errors", errors);
        return "registration/account";
    }
}
