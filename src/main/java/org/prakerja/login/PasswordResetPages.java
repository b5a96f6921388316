package org.prakerja.login;

import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.prakerja.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

    /** The address as typed, stripped; only its shape is judged, never whether an account has it. */
    record Forgot(@NotBlank @Size(max = 254) @Pattern(regexp = "[^@\\s]+@[^@\\s]+") String email) {
        Forgot {
            email = email == null ? "" : email.strip();
        }
    }

    /** The new password as typed (never stripped), with the emailed link's token. */
    record NewPassword(@Nullable String token, @NotEmpty @Size(max = MAX_PASSWORD) String password,
            String passwordConfirmation) {
        NewPassword {
            password = password == null ? "" : password;
            passwordConfirmation = passwordConfirmation == null ? "" : passwordConfirmation;
        }

        @Override
        public String toString() {
            return "NewPassword[****]";
        }
    }

    /** The page asking for a link: the address as typed and what is wrong with it. */
    record ForgotView(String email, FormErrors errors) {
    }

    /** The page after asking: how long the link lasts. */
    record SentView(long minutes) {
    }

    /** The page choosing a new password: the link's token, carried by the form, and what is wrong. */
    record ResetView(String token, FormErrors errors) {
    }

    @GetMapping("/forgot-password")
    String forgotForm(@RequestParam(name = "sent", required = false) @Nullable String sent, Model model) {
        if (sent != null) {
            model.addAttribute("view", new SentView(settings.passwordResetLifetime().toMinutes()));
            return "login/forgot-password-sent";
        }
        return forgotPage(model, "", new FormErrors());
    }

    @PostMapping("/forgot-password")
    String forgot(@Valid @ModelAttribute("forgot") Forgot typed, BindingResult shapes, Model model) {
        if (shapes.hasErrors()) {
            return forgotPage(model, typed.email(), new FormErrors().add("email", text("reset.email-invalid")));
        }
        resets.request(typed.email());
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
    String reset(@Valid @ModelAttribute("newPassword") NewPassword typed, BindingResult shapes, Model model,
            RedirectAttributes redirect) {
        var errors = new FormErrors();
        if (shapes.hasFieldErrors("password")) {
            errors.add("password", typed.password().isEmpty() ? text("reset.password-required")
                    : text("reset.password-too-long", MAX_PASSWORD));
        } else if (!typed.password().equals(typed.passwordConfirmation())) {
            errors.add("passwordConfirmation", text("reset.password-mismatch"));
        }
        String token = typed.token();
        if (errors.any()) {
            return resets.usable(token) ? resetPage(model, token, errors) : "login/reset-invalid";
        }
        return switch (resets.complete(token, typed.password())) {
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
        model.addAttribute("view", new ForgotView(email, errors));
        return "login/forgot-password";
    }

    private String resetPage(Model model, String token, FormErrors errors) {
        model.addAttribute("view", new ResetView(token, errors));
        return "login/reset-password";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
