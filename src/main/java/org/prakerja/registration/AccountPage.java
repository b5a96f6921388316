package org.prakerja.registration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.prakerja.login.Credentials;
import org.prakerja.login.CurrentUser;
import org.prakerja.login.PasswordChangeResult;
import org.prakerja.login.PasswordPolicy;
import org.prakerja.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The participant's own account: the profile as registered (NIK masked) and a new password. */
@Controller
class AccountPage {

    /** The password form as typed (never stripped: a space may be part of a password). */
    record PasswordChange(@NotEmpty @Size(max = 200) String currentPassword, @Size(max = 128) String newPassword) {
        PasswordChange {
            currentPassword = currentPassword == null ? "" : currentPassword;
            newPassword = newPassword == null ? "" : newPassword;
        }

        @Override
        public String toString() {
            return "PasswordChange[****]";
        }
    }

    /** The account page: the profile as registered and what was wrong with the password form. */
    record AccountView(Participants.Profile profile, FormErrors errors) {
    }

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
            @Valid @ModelAttribute("passwordChange") PasswordChange typed, BindingResult shapes,
            HttpServletRequest request, Model model, RedirectAttributes next, Locale language) {
        var errors = new FormErrors();
        if (shapes.hasFieldErrors("currentPassword")) {
            errors.add("currentPassword", messages.getMessage("account.error.current", null, language));
        }
        if (shapes.hasFieldErrors("newPassword")) {
            errors.add("newPassword", messages.getMessage("register.error.password", null, language));
        } else {
            PasswordPolicy.weakness(typed.newPassword(), user.email()).ifPresent(w ->
                    errors.add("newPassword", messages.getMessage("password.weak." + w.name(), null, language)));
        }
        if (errors.any()) {
            return show(model, user, errors);
        }
        switch (credentials.changePassword(user.subjectId(), typed.currentPassword(), typed.newPassword(),
                request.getSession().getId())) {
            case PasswordChangeResult.Changed changed -> {
            }
            case PasswordChangeResult.WrongPassword wrong -> {
                errors.add("currentPassword", messages.getMessage("account.error.current", null, language));
                return show(model, user, errors);
            }
            case PasswordChangeResult.Locked locked -> {
                errors.add("currentPassword", messages.getMessage("account.error.current-locked",
                        new Object[] {locked.minutes()}, language));
                return show(model, user, errors);
            }
        }
        // the session that changed the password goes on under a new id, the old one known to nobody
        request.changeSessionId();
        next.addFlashAttribute("changed", true);
        return "redirect:/account";
    }

    private String show(Model model, CurrentUser user, FormErrors errors) {
        model.addAttribute("view", new AccountView(participants.profile(user.subjectId()).orElseThrow(), errors));
        return "registration/account";
    }
}
