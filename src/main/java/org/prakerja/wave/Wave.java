package org.prakerja.wave;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.annotation.Nullable;
import java.time.Instant;

/**
 * A wave (gelombang), as GET /api/v1/waves shows it. The seed is shown once the wave has closed.
 * {@code scheme} is the name of the scheme it was created under, fixed for good.
 */
public record Wave(int number, WaveStatus status, int quota, Instant joinOpensAt, Instant joinClosesAt,
        Instant announcementAt, String selectionSeedHash, @Nullable String selectionSeed, @JsonIgnore String seed,
        String scheme) {

    static Wave of(int number, WaveStatus status, int quota, Instant opens, Instant closes, Instant announcement,
            String seedHash, String seed, String scheme) {
        boolean revealed = status != WaveStatus.DRAFT && status != WaveStatus.OPEN;
        return new Wave(number, status, quota, opens, closes, announcement, seedHash, revealed ? seed : null, seed,
                scheme);
    }

    boolean acceptsApplicationsAt(Instant now) {
        return status == WaveStatus.OPEN && !now.isBefore(joinOpensAt) && now.isBefore(joinClosesAt);
    }
}
