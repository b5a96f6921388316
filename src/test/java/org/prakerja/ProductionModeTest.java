package org.prakerja;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.support.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Without the sandbox profile, as in production. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProductionModeTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("API.md section 4: the sandbox is 404 outside the sandbox profile")
    void sandboxIsOff() {
        var api = new Api(port);
        for (String path : new String[] {"/sandbox/clock", "/sandbox/inbox?to=x", "/sandbox/operators",
                "/sandbox/basic-test/answers"}) {
            var r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.code()).isEqualTo("NOT_FOUND");
        }
        assertThat(api.post("/sandbox/clock", "{\"advance\":\"P31D\"}").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/sessions", "{\"email\":\"admin@prakerja.test\",\"password\":\"admin-sandbox-1\"}")
                .status()).isEqualTo(401);
    }
}
