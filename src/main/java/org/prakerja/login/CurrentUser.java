package org.prakerja.login;

import java.io.Serializable;
import java.util.UUID;
import org.prakerja.audit.Accountable;
import org.prakerja.audit.Actor;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The authenticated caller of the participant or operator API, or of a page. {@code subjectId} is
 * the participant's id for participants, the operator's id for operators. It is also the name a
 * portal session is filed under, so that every session of an account can be found and ended;
 * it lives in the session store, hence serializable.
 */
public record CurrentUser(UUID subjectId, Role role, String email)
        implements AuthenticatedPrincipal, Serializable, Accountable {

    @Override
    public String getName() {
        return subjectId.toString();
    }

    /** The caller as the audit trail names them. */
    @Override
    public Actor asActor() {
        return new Actor(subjectId, email, role.name());
    }

    @Override
    public String toString() {
        return "CurrentUser[" + subjectId + ", " + role + "]";
    }
}
