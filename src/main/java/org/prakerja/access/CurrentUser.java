package org.prakerja.access;

import java.util.UUID;
import org.prakerja.audit.Accountable;
import org.prakerja.audit.Actor;

/**
 * The authenticated caller of the participant or operator API. {@code subjectId} is the
 * participant's id for participants, the operator's id for operators.
 */
public record CurrentUser(UUID subjectId, Role role, String email) implements Accountable {

    /** The caller as the audit trail names them. */
    @Override
    public Actor asActor() {
        return new Actor(subjectId, email, role.name());
    }
}
