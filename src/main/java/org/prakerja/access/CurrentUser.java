package org.prakerja.access;

import java.util.UUID;

/**
 * The authenticated caller of the participant or operator API. {@code subjectId} is the
 * participant's id for participants, the operator's id for operators.
 */
public record CurrentUser(UUID subjectId, Role role, String email) {
}
