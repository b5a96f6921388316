package org.prakerja.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.complaint.ComplaintFiling.email;
import static org.prakerja.complaint.ComplaintFiling.filePublicly;
import static org.prakerja.complaint.ComplaintFiling.newEmail;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.Api;
import org.prakerja.support.Operator;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** R-85 a complaint not answered by an operator within 3 days is overdue, and first in the queue. */
@IntegrationTest
class OverdueTest {

    @LocalServerPort
    int port;
    Api api;
    Operator ops;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ops = new Operator(api);
    }

    private JsonNode line(String ticket, String query) {
        for (int page = 0; page < 50; page++) {
            var items = api.get("/api/v1/ops/complaints?size=100&page=" + page + query, ops.token()).body().get("items");
            for (var item : items) {
                if (item.get("ticket").asString().equals(ticket)) {
                    return item;
                }
            }
            if (items.size() < 100) {
                break;
            }
        }
        return null;
    }

    @Test
    @DisplayName("R-85 unanswered for 3 days a complaint turns overdue; an operator's answer ends it; the filer's reply starts the clock again")
    void overdueByTheClock() {
        String filer = newEmail();
        String ticket = filePublicly(api, filer);
        assertThat(line(ticket, "").get("overdue").asBoolean()).isFalse();
        assertThat(line(ticket, "&overdue=true")).isNull();

        api.post("/sandbox/clock", Map.of("advance", "P2DT23H"));
        assertThat(line(ticket, "").get("overdue").asBoolean()).isFalse();
        // a status change alone is no answer
        api.patch("/api/v1/ops/complaints/" + ticket, Map.of("status", "IN_PROGRESS"), ops.token());
        api.post("/sandbox/clock", Map.of("advance", "PT1H"));
        assertThat(line(ticket, "&overdue=true").get("overdue").asBoolean()).isTrue();
        assertThat(line(ticket, "&overdue=false")).isNull();
        assertThat(api.get("/api/v1/ops/complaints/" + ticket, ops.token()).body().get("overdue").asBoolean()).isTrue();

        api.patch("/api/v1/ops/complaints/" + ticket, Map.of("status", "IN_PROGRESS", "response", "Kami cek."), ops.token());
        assertThat(line(ticket, "&overdue=false").get("overdue").asBoolean()).isFalse();

        api.post("/api/v1/complaints/" + ticket + "/messages" + email(filer), Map.of("text", "Sudah 4 hari."));
        api.post("/sandbox/clock", Map.of("advance", "P3D"));
        assertThat(line(ticket, "&overdue=true")).isNotNull();
    }

    @Test
    @DisplayName("R-85 the queue shows overdue complaints first, then the oldest first; it filters by status and category")
    void queueOrder() {
        filePublicly(api, newEmail());
        api.post("/sandbox/clock", Map.of("advance", "P4D"));
        filePublicly(api, newEmail());
        var items = api.get("/api/v1/ops/complaints?size=100", ops.token()).body().get("items");
        var seen = new ArrayList<JsonNode>();
        items.forEach(seen::add);
        assertThat(seen).isNotEmpty();
        boolean overdueOver = false;
        OffsetDateTime previous = null;
        for (var item : seen) {
            boolean overdue = item.get("overdue").asBoolean();
            if (!overdue && !overdueOver) {
                overdueOver = true;
                previous = null;
            }
            assertThat(overdue && overdueOver).as("an overdue complaint after one that is not: %s", item).isFalse();
            var created = OffsetDateTime.parse(item.get("createdAt").asString());
            if (previous != null) {
                assertThat(created).isAfterOrEqualTo(previous);
            }
            previous = created;
        }
        assertThat(seen.get(0).get("overdue").asBoolean()).isTrue();

        var category = api.get("/api/v1/ops/complaints?category=VOUCHER&status=OPEN&size=100", ops.token()).body();
        category.get("items").forEach(i -> {
            assertThat(i.get("category").asString()).isEqualTo("VOUCHER");
            assertThat(i.get("status").asString()).isEqualTo("OPEN");
        });
        var bad = api.get("/api/v1/ops/complaints?status=LOST", ops.token());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asString()).isEqualTo("status");
    }
}
