package org.prakerja.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.catalog.Platform;

class RefundWindowTest {

    private static final Instant BOUGHT = Instant.parse("2022-03-20T10:00:00Z");

    private static RefundWindow policy(boolean allowed, int days) {
        return new RefundWindow(new Platform("tokopedia", "Tokopedia", allowed, days));
    }

    @Test
    @DisplayName("R-53 a platform that allows refunds refunds within its days of the purchase")
    void withinTheDays() {
        assertThat(policy(true, 7).allows(BOUGHT, BOUGHT)).isTrue();
        assertThat(policy(true, 7).allows(BOUGHT, BOUGHT.plus(Duration.ofDays(6)))).isTrue();
    }

    @Test
    @DisplayName("R-53 the last instant of the platform's window still counts")
    void lastInstant() {
        assertThat(policy(true, 7).allows(BOUGHT, BOUGHT.plus(Duration.ofDays(7)))).isTrue();
    }

    @Test
    @DisplayName("R-53 after the platform's days, no refund")
    void afterTheDays() {
        assertThat(policy(true, 7).allows(BOUGHT, BOUGHT.plus(Duration.ofDays(7)).plusSeconds(1))).isFalse();
    }

    @Test
    @DisplayName("R-53 a platform that allows no refunds refunds nothing, not even at once")
    void notAllowed() {
        assertThat(policy(false, 30).allows(BOUGHT, BOUGHT)).isFalse();
    }
}
