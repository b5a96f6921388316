package org.prakerja.wave;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.annotation.Nullable;
import java.time.Instant;

/** A wave (gelombang), as GET /api/v1/waves shows it. The seed is shown once the wave has closed. */
public record Wave(int number, WaveStatus status, int quota, Instant joinOpensAt, Instant joinClosesAt,
        Instant announcementAt, String selectionSeedHash, @Nullable String selectionSeed, @JsonIgnore String seed) {

    static Wave of(int number, WaveStatus status, int quota, Instant opens, Instant closes, Instant announcement,
            String seedHash, String seed) {
        boolean revealed = status != WaveStatus.DRAFT && status != WaveStatus.OPEN;
        return new Wave(number, status, quota, opens, closes, announcement, seedHash, revealed ? seed : null, seed);
    }

    boolean acceptsApplicationsAt(Instant now) {
        return status == WaveStatus.OPEN && !now.isBefore(joinOpensAt) && now.isBefore(joinClosesAt);
    }
}
