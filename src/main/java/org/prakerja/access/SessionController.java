package org.prakerja.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.prakerja.common.web.RefusedException;
import org.prakerja.common.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Participant: account")
class SessionController {

    private final Accounts accounts;

    SessionController(Accounts accounts) {
        this.accounts = accounts;
    }

    record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
        @Override
        public String toString() {
            return "Credentials[email=" + email + ", password=****]";
        }
    }

    @PostMapping("/api/v1/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sign in (participants and operators)")
    @Refuses(AccessRefusal.class)
    IssuedSession signIn(@Valid @RequestBody Credentials credentials) {
        return accounts.login(credentials.email(), credentials.password())
                .orElseThrow(() -> new RefusedException(AccessRefusal.BAD_CREDENTIALS));
    }
}
