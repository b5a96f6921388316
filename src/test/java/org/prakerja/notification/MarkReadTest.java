package org.prakerja.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The dashboard's "mark as read": the notices the page showed, the reader's own, and no later one. */
@IntegrationTest
class MarkReadTest {

    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate tx;

    private List<InAppNotification> latest(UUID participant) {
        return notifications.latestFor(participant, 10, Locale.forLanguageTag("id"));
    }

    @Test
    @DisplayName("R-90 marking read reaches the newest notice shown; one that arrived after stays unread, and so do "
            + "another participant's")
    void upToTheNewestShown() {
        UUID reader = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            notifications.inAppAll(List.of(reader, other), Notice.of("VOUCHER_REDEEMED", "PK-AAAAA-BBBBB"));
            notifications.inAppAll(List.of(reader, other), Notice.of("VOUCHER_REDEEMED", "PK-CCCCC-DDDDD"));
        });
        long newestShown = latest(reader).getFirst().id();
        tx.executeWithoutResult(s -> notifications.inAppAll(List.of(reader), Notice.of("VOUCHER_REDEEMED", "PK-EEEEE-FFFFF")));

        assertThat(notifications.markRead(reader, newestShown)).isEqualTo(2);
        assertThat(notifications.markRead(reader, newestShown)).as("again: nothing more").isZero();

        var mine = latest(reader);
        assertThat(mine).hasSize(3);
        assertThat(mine.getFirst().read()).as("arrived after the page was drawn").isFalse();
        assertThat(mine.subList(1, 3)).allMatch(InAppNotification::read);
        assertThat(latest(other)).noneMatch(InAppNotification::read);
    }
}
