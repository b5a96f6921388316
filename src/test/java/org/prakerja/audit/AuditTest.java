package org.prakerja.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.notification.OutboxRelay;
import org.prakerja.support.Api;
import org.prakerja.support.Journey;
import org.prakerja.support.Operator;
import org.prakerja.support.ParticipantBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** R-84 operators' acts are recorded with who, when and what, in the act's transaction, for auditors to read. */
@IntegrationTest
class AuditTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    OutboxRelay relay;
    Api api;
    Operator ops;
    String auditor;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ops = new Operator(api);
        auditor = api.login("auditor@prakerja.test", "auditor-sandbox-1");
    }

    private JsonNode entries(String query) {
        var r = api.get("/api/v1/ops/audit?size=100" + query, auditor);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("items");
    }

    private long count(String action, String target) {
        return db.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND target = ?").params(action, target)
                .query(Long.class).single();
    }

    private static String at(Instant instant) {
        return URLEncoder.encode(instant.atOffset(ZoneOffset.ofHours(7)).toString(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("R-84 wave acts and job runs are recorded with who, role, when, what and on what; the auditor filters them")
    void operatorActsAreRecorded() {
        Instant from = ops.now();
        int wave = ops.openWave(3);
        ops.close(wave);
        var job = api.post("/api/v1/ops/jobs/outbox-relay", "", ops.token());
        assertThat(job.status()).isEqualTo(202);

        var mine = entries("&actor=ADMIN@prakerja.test&from=" + at(from));
        var actions = new java.util.ArrayList<String>();
        mine.forEach(e -> {
            if (e.get("target").asString().equals("wave:" + wave)
                    || e.get("target").asString().equals("job:" + job.body().get("jobId").asString())) {
                actions.add(e.get("action").asString());
                assertThat(e.get("actor").asString()).isEqualTo("admin@prakerja.test");
                assertThat(e.get("role").asString()).isEqualTo("ADMIN");
                assertThat(OffsetDateTime.parse(e.get("at").asString()).toInstant()).isAfterOrEqualTo(from);
            }
        });
        // newest first
        assertThat(actions).containsExactly("JOB_RUN_STARTED", "WAVE_CLOSED", "WAVE_OPEN", "WAVE_CREATED");
        var created = entries("&action=WAVE_CREATED&from=" + at(from));
        assertThat(created.toString()).contains("wave:" + wave).contains("quota 3");
        assertThat(entries("&action=WAVE_CREATED&to=" + at(from.minusSeconds(1))).toString())
                .doesNotContain("\"wave:" + wave + "\"");
    }

    @Test
    @DisplayName("R-84 an act that is refused records nothing: an existing wave, an illegal transition, a complaint's illegal move")
    void refusedActsRecordNothing() {
        int wave = ops.openWave(3);
        var again = api.post("/api/v1/ops/waves", Map.of("number", wave, "quota", 1,
                "joinOpensAt", "2026-12-01T00:00:00+07:00", "joinClosesAt", "2026-12-10T00:00:00+07:00",
                "announcementAt", "2026-12-12T00:00:00+07:00"), ops.token());
        assertThat(again.code()).isEqualTo("WAVE_EXISTS");
        assertThat(count("WAVE_CREATED", "wave:" + wave)).isEqualTo(1);
        var back = api.post("/api/v1/ops/waves/" + wave + "/transitions", Map.of("to", "OPEN"), ops.token());
        assertThat(back.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(count("WAVE_OPEN", "wave:" + wave)).isEqualTo(1);
        var selection = api.post("/api/v1/ops/waves/" + wave + "/selection", "", ops.token());
        assertThat(selection.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(count("WAVE_SELECTION_STARTED", "wave:" + wave)).isZero();

        var filed = api.post("/api/v1/complaints", Map.of("category", "OTHER", "title", "t", "description", "d",
                "contactEmail", "audit-" + System.nanoTime() + "@example.id"));
        String ticket = filed.body().get("ticket").asString();
        assertThat(api.patch("/api/v1/ops/complaints/" + ticket, Map.of("status", "RESOLVED"), ops.token()).status())
                .isEqualTo(400);
        assertThat(api.patch("/api/v1/ops/complaints/" + ticket, Map.of("status", "OPEN", "response", "r"), ops.token())
                .status()).isEqualTo(409);
        assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE target = ?").param("complaint:" + ticket)
                .query(Long.class).single()).isZero();
        assertThat(api.patch("/api/v1/ops/complaints/" + ticket, Map.of("status", "RESOLVED", "response", "Selesai."),
                ops.token()).status()).isEqualTo(200);
        assertThat(count("COMPLAINT_ANSWERED", "complaint:" + ticket)).isEqualTo(1);
    }

    @Test
    @DisplayName("R-84 an entry is written only inside the act's transaction: outside one it is refused, and a rollback takes it away")
    void inTheActsTransaction() {
        var actor = new Actor(null, "audit-test@prakerja.test", "ADMIN");
        assertThatThrownBy(() -> trail.record(actor, "TEST_ACT", "test:outside", null))
                .isInstanceOf(IllegalTransactionStateException.class);
        tx.executeWithoutResult(status -> {
            trail.record(actor, "TEST_ACT", "test:rolled-back", null);
            // the act fails after its entry was written
            db.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
            status.setRollbackOnly();
        });
        assertThat(count("TEST_ACT", "test:rolled-back")).isZero();
        tx.executeWithoutResult(status -> trail.record(actor, "TEST_ACT", "test:committed", "detail"));
        assertThat(count("TEST_ACT", "test:committed")).isEqualTo(1);
    }

    @Test
    @DisplayName("R-84 the trail is append-only: UPDATE, DELETE and TRUNCATE are refused by the database")
    void appendOnly() {
        tx.executeWithoutResult(s -> trail.record(Actor.SYSTEM, "TEST_ACT", "test:append-only", null));
        assertThatThrownBy(() -> db.sql("UPDATE audit_entry SET actor = 'someone else' WHERE target = 'test:append-only'")
                .update()).isInstanceOf(DataAccessException.class).satisfies(AuditTest::refusedAsAppendOnly);
        assertThatThrownBy(() -> db.sql("DELETE FROM audit_entry WHERE target = 'test:append-only'").update())
                .isInstanceOf(DataAccessException.class).satisfies(AuditTest::refusedAsAppendOnly);
        assertThatThrownBy(() -> db.sql("TRUNCATE audit_entry").update())
                .isInstanceOf(DataAccessException.class).satisfies(AuditTest::refusedAsAppendOnly);
        assertThat(count("TEST_ACT", "test:append-only")).isEqualTo(1);
    }

    private static void refusedAsAppendOnly(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root.getMessage()).contains("audit entries are append-only");
    }

    @Test
    @DisplayName("R-84 the trail is for AUDITOR and ADMIN: an OPERATOR and a participant get 403; bad filters are 400")
    void whoReads() {
        assertThat(api.get("/api/v1/ops/audit", ops.token()).status()).isEqualTo(200);
        String operator = api.login("operator@prakerja.test", "operator-sandbox-1");
        var refused = api.get("/api/v1/ops/audit", operator);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
        var who = ParticipantBuilder.aParticipant();
        new Journey(api, relay).register(who);
        assertThat(api.get("/api/v1/ops/audit", api.login(who.email(), who.password())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/ops/audit").status()).isEqualTo(401);

        var badFrom = api.get("/api/v1/ops/audit?from=yesterday", auditor);
        assertThat(badFrom.status()).isEqualTo(400);
        assertThat(badFrom.body().get("field").asString()).isEqualTo("from");
        assertThat(api.get("/api/v1/ops/audit?size=101", auditor).status()).isEqualTo(400);
    }
}
