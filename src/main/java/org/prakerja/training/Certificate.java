package org.prakerja.training;

import java.time.Instant;
import java.util.UUID;

/** R-63 a certificate the platform keeps a record of, found by its number. */
record Certificate(UUID participantId, String trainingId, String institutionId, Instant issuedAt) {
}
