package org.prakerja.login;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.prakerja.common.InvalidInput;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** R-82 password reset over the API; the web portal's pages call {@link PasswordResets} alike. */
@RestController
@Tag(name = "Participant: account")
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    /** The same answer for every email: whether one has an account is not said. */
    record ResetRequested(String status) {
    }

    @PostMapping("/api/v1/password-resets")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for a password reset link (R-82)",
            description = "202 whether or not the email has an account; if it has, a single-use link goes by email")
    ResetRequested request(@Valid @RequestBody ResetRequest body) {
        resets.request(body.email());
        return new ResetRequested("ACCEPTED");
    }

    record NewPassword(@NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "NewPassword[****]";
        }
    }

    record PasswordChanged(String status) {
    }

    @PostMapping("/api/v1/password-resets/{token}")
    @Operation(summary = "Set a new password with a reset link's token (R-82)",
            description = "Every session of the account ends. 410 RESET_TOKEN_INVALID: unknown, used or expired")
    @Refuses(value = LoginRefusal.class, codes = "RESET_TOKEN_INVALID")
    PasswordChanged complete(@PathVariable String token, @Valid @RequestBody NewPassword body) {
        return switch (resets.complete(token, body.password())) {
            case ResetResult.Done d -> new PasswordChanged("PASSWORD_CHANGED");
            case ResetResult.TokenInvalid t -> throw new RefusedException(LoginRefusal.RESET_TOKEN_INVALID);
            case ResetResult.PasswordRefused r -> throw new InvalidInput("password", r.reason());
        };
    }
}
