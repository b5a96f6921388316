package org.prakerja.audit;

import jakarta.annotation.Nullable;
import java.util.UUID;

/**
 * Who acted, as the audit trail names them: an operator or participant by id, email and role; a
 * login attempt by the email given (no id, no role when no account has it); the platform itself
 * ({@link #SYSTEM}) for what a schedule does.
 */
public record Actor(@Nullable UUID id, String name, @Nullable String role) {

    public static final Actor SYSTEM = new Actor(null, "system", null);

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
    }

    /** Someone known only by the email they typed (a login or a reset request). */
    public static Actor byEmail(String email) {
        return new Actor(null, email, null);
    }
}
