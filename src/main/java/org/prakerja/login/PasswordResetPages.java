package org.prakerja.login;

import jakarta.annotation.Nullable;
import org.prakerja.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * R-82 the password reset pages: asking for a link (the answer is the same page whatever the
 * email), and choosing a new password with the emailed link. The same {@link PasswordResets} as the
 * API's; the per-address throttle counts {@code POST /forgot-password} (WebEdgeConfig).
 */
@Controller
class PasswordResetPages {

    private static final int MAX_PASSWORD = 128;

    private final PasswordResets resets;
    private final MessageSource messages;
    private final LoginSettings settings;

    PasswordResetPages(PasswordResets resets, MessageSource messages, LoginSettings settings) {
        this.resets = resets;
        this.messages = messages;
        this.settings = settings;
    }

    @GetMapping("/forgot-password")
    String forgotForm(@RequestParam(name = "sent", required = false) @Nullable String sent, Model model) {
        if (sent != null) {
            model.addAttribute("minutes", settings.passwordResetLifetime().toMinutes());
            return "login/forgot-password-sent";
        }
        return forgotPage(model, "", new FormErrors());
    }

    @PostMapping("/forgot-password")
    String forgot(@RequestParam(name = "email", required = false) @Nullable String email, Model model) {
        String typed = email == null ? "" : email.strip();
        // only the shape is judged here: whether an account has the address is never said
        if (typed.isEmpty() || typed.length() > 254 || !typed.matches("[^@\\s]+@[^@\\s]+")) {
            return forgotPage(model, typed, new FormErrors().add("email", text("reset.email-invalid")));
        }
        resets.request(typed);
        return "redirect:/forgot-password?sent";
    }

    @GetMapping("/reset-password")
    String resetForm(@RequestParam(name = "token", required = false) @Nullable String token, Model model) {
        if (!resets.usable(token)) {
            return "login/reset-invalid";
        }
        return resetPage(model, token, new FormErrors());
    }

    @PostMapping("/reset-password")
    String reset(@RequestParam(name = "token", required = false) @Nullable String token,
            @RequestParam(name = "password", required = false) @Nullable String password,
            @RequestParam(name = "passwordConfirmation", required = false) @Nullable String confirmation,
            Model model, RedirectAttributes redirect) {
        var errors = new FormErrors();
        if (password == null || password.isEmpty()) {
            errors.add("password", text("reset.password-required"));
        } else if (password.length() > MAX_PASSWORD) {
            errors.add("password", text("reset.password-too-long", MAX_PASSWORD));
        } else if (!password.equals(confirmation)) {
            errors.add("passwordConfirmation", text("reset.password-mismatch"));
        }
        if (errors.any()) {
            return resets.usable(token) ? resetPage(model, token, errors) : "login/reset-invalid";
        }
        return switch (resets.complete(token, password)) {
            case ResetResult.Done done -> {
                redirect.addFlashAttribute("passwordReset", Boolean.TRUE);
                yield "redirect:/login";
            }
            case ResetResult.TokenInvalid invalid -> "login/reset-invalid";
            case ResetResult.PasswordRefused refused ->
                    resetPage(model, token, errors.add("password", text(refused.weakness().key())));
        };
    }

    private String forgotPage(Model model, String email, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "login/forgot-password";
    }

    private String resetPage(Model model, String token, FormErrors errors) {
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return "login/reset-password";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
