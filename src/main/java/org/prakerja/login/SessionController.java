package org.prakerja.login;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Participant: account")
class SessionController {

    private final Credentials credentials;

    SessionController(Credentials credentials) {
        this.credentials = credentials;
    }

    @Schema(name = "Credentials")
    record SignIn(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "SignIn[email=" + email + ", password=****]";
        }
    }

    @PostMapping("/api/v1/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign in (participants and operators)",
            description = "R-83: after 5 wrong passwords within 15 minutes the login is locked for 15 minutes:"
                    + " 429 LOGIN_LOCKED with retryAfter (seconds) and Retry-After, even for the right password")
    @Refuses(value = LoginRefusal.class, codes = {"BAD_CREDENTIALS", "LOGIN_LOCKED"})
    IssuedSession signIn(@Valid @RequestBody SignIn signIn, HttpServletResponse response) {
        return switch (credentials.authenticate(signIn.email(), signIn.password())) {
            case LoginResult.Authenticated a -> credentials.issueSession(a.accountId());
            case LoginResult.BadCredentials b -> throw new RefusedException(LoginRefusal.BAD_CREDENTIALS);
            case LoginResult.Locked locked -> {
                response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
                throw new RefusedException(LoginRefusal.LOGIN_LOCKED,
                        "too many wrong passwords: try again in " + locked.retryAfterSeconds() + " seconds",
                        Map.of("retryAfter", locked.retryAfterSeconds()));
            }
        };
    }
}
