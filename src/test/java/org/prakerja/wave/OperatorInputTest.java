package org.prakerja.wave;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.Api;
import org.prakerja.support.Operator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input on the operator, wave and sandbox endpoints: 400 naming the field, nothing stored. */
@IntegrationTest
class OperatorInputTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient db;
    Api api;
    Operator ops;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ops = new Operator(api);
    }

    private static Map<String, Object> wave() {
        var body = new HashMap<String, Object>();
        body.put("number", 99_001);
        body.put("quota", 10);
        body.put("joinOpensAt", "2026-12-01T00:00:00+07:00");
        body.put("joinClosesAt", "2026-12-10T00:00:00+07:00");
        body.put("announcementAt", "2026-12-12T00:00:00+07:00");
        return body;
    }

    private void expectField(Api.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.body().get("field").asString()).as(r.raw()).isEqualTo(field);
        assertThat(r.raw()).doesNotContain("Exception");
    }

    @Test
    @DisplayName("creating a wave with bad fields is refused and stores nothing")
    void badWaves() {
        long before = db.sql("SELECT count(*) FROM wave").query(Long.class).single();
        expectField(api.post("/api/v1/ops/waves", "{", ops.token()), "body");
        for (var field : List.of("number", "quota", "joinOpensAt", "joinClosesAt", "announcementAt")) {
            var missing = wave();
            missing.remove(field);
            expectField(api.post("/api/v1/ops/waves", missing, ops.token()), field);
        }
        var wrongType = wave();
        wrongType.put("quota", "banyak");
        expectField(api.post("/api/v1/ops/waves", wrongType, ops.token()), "quota");
        var negative = wave();
        negative.put("quota", -1);
        expectField(api.post("/api/v1/ops/waves", negative, ops.token()), "quota");
        var backwards = wave();
        backwards.put("joinClosesAt", "2026-11-01T00:00:00+07:00");
        expectField(api.post("/api/v1/ops/waves", backwards, ops.token()), "joinClosesAt");
        var noOffset = wave();
        noOffset.put("joinOpensAt", "2026-12-01 00:00");
        expectField(api.post("/api/v1/ops/waves", noOffset, ops.token()), "joinOpensAt");
        assertThat(db.sql("SELECT count(*) FROM wave").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @DisplayName("transitions, jobs, selection reports and the sandbox clock validate their input")
    void badOperatorCalls() {
        int wave = ops.openWave(5);
        expectField(api.post("/api/v1/ops/waves/" + wave + "/transitions", Map.of("to", "TERBUKA"), ops.token()), "to");
        expectField(api.post("/api/v1/ops/waves/" + wave + "/transitions", Map.of(), ops.token()), "to");
        expectField(api.post("/api/v1/ops/waves/abc/transitions", Map.of("to", "CLOSED"), ops.token()), "number");
        assertThat(api.get("/api/v1/ops/waves/987654/selection", ops.token()).code()).isEqualTo("WAVE_NOT_FOUND");
        expectField(api.get("/api/v1/ops/jobs/not-a-uuid", ops.token()), "jobId");
        assertThat(api.get("/api/v1/ops/jobs/00000000-0000-0000-0000-000000000000", ops.token()).code())
                .isEqualTo("JOB_NOT_FOUND");
        assertThat(api.post("/api/v1/ops/jobs/delete-everything", "", ops.token()).code()).isEqualTo("JOB_NOT_FOUND");
        expectField(api.post("/sandbox/clock", Map.of("advance", "tomorrow"), null), "advance");
        expectField(api.post("/sandbox/clock", Map.of("advance", "-P1D"), null), "advance");
        expectField(api.get("/api/v1/waves?size=1000"), "size");
        expectField(api.get("/api/v1/waves?page=abc"), "page");
    }
}
