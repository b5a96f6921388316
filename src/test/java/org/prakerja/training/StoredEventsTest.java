package org.prakerja.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StoredEventsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    @DisplayName("a review published before purchaseId had its one name still reaches the catalog and incentives")
    void reviewUnderItsOldName() {
        var purchase = UUID.randomUUID();
        var stored = """
                {"participantId":"%s","voucherId":"%s","trainingId":"TR-001","rating":5,"reviewedAt":"2026-12-01T03:00:00Z"}
                """.formatted(UUID.randomUUID(), purchase);
        assertThat(json.readValue(stored, TrainingReviewed.class).purchaseId()).isEqualTo(purchase);
    }

    @Test
    @DisplayName("a completion published before the rename keeps its purchase")
    void completionUnderItsOldName() {
        var purchase = UUID.randomUUID();
        var written = json.writeValueAsString(new TrainingCompleted(UUID.randomUUID(), purchase, "TR-001", "C-1",
                java.time.Instant.parse("2026-12-01T03:00:00Z")));
        var stored = written.replace("\"purchaseId\"", "\"voucherId\"");
        assertThat(stored).contains("voucherId");
        assertThat(json.readValue(stored, TrainingCompleted.class).purchaseId()).isEqualTo(purchase);
    }
}
