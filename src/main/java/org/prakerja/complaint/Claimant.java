package org.prakerja.complaint;

import jakarta.annotation.Nullable;
import java.util.UUID;

/**
 * Who asks to see or answer a complaint as its filer: a signed-in participant (their id), and/or
 * someone who gives the filer's contact email. Either may open a ticket that is theirs.
 */
record Claimant(@Nullable UUID participantId, @Nullable String email) {

    @Override
    public String toString() {
        return "Claimant[" + participantId + (email == null ? "" : ", email=****") + "]";
    }
}
