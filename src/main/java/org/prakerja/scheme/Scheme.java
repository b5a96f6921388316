package org.prakerja.scheme;

import jakarta.annotation.Nullable;
import java.time.Duration;
import org.prakerja.common.Rupiah;

/**
 * R-25 a scheme: what a wave's participants get and must do, fixed for every wave created under it.
 * Money is whole rupiah; {@code maxAge} is null when there is no upper age.
 */
public record Scheme(String name, long trainingBalance, long incentiveAmount, int incentiveCount,
        int incentiveIntervalDays, long surveyAmount, int surveyCount, int firstPurchaseDays, int minAge,
        @Nullable Integer maxAge) {

    public Rupiah balancePerCard() {
        return Rupiah.of(trainingBalance);
    }

    public Duration firstPurchaseWindow() {
        return Duration.ofDays(firstPurchaseDays);
    }

    /** R-13 the age range: at least {@code minAge}, and at most {@code maxAge} when there is one. */
    public boolean admitsAge(int age) {
        return age >= minAge && (maxAge == null || age <= maxAge);
    }

    /** The most a participant of this scheme can receive: every instalment and every survey. */
    public Rupiah incentiveTotal() {
        return Rupiah.of(incentiveAmount * incentiveCount + surveyAmount * surveyCount);
    }
}
