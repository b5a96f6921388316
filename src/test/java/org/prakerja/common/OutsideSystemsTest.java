package org.prakerja.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.PrakerjaApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Issue 19.1: no stand-in outside the sandbox, unless a staging deployment names it. */
class OutsideSystemsTest {

    private static final Map<String, String> SMPP = Map.of("prakerja.sms.smpp.host", "127.0.0.1",
            "prakerja.sms.smpp.port", "2775", "prakerja.sms.smpp.system-id", "prakerja", "prakerja.sms.smpp.password", "pw");

    private static StandardEnvironment decide(String profile, Map<String, String> settings) {
        var environment = new StandardEnvironment();
        if (profile != null) {
            environment.setActiveProfiles(profile);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("given", new HashMap<>(settings)));
        new OutsideSystems(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    @DisplayName("Issue 19.1: the sandbox runs every port on its stand-in unless a real adapter is configured")
    void sandbox() {
        var env = decide("sandbox", Map.of());
        for (String port : new String[] {"sms", "email", "payment", "civil-registry"}) {
            assertThat(env.getProperty("prakerja.adapters." + port)).as(port).isEqualTo("stand-in");
        }
        var withSmpp = decide("sandbox", SMPP);
        assertThat(withSmpp.getProperty("prakerja.adapters.sms")).isEqualTo("smpp");
        assertThat(withSmpp.getProperty("prakerja.adapters.email")).isEqualTo("stand-in");
        assertThat(withSmpp.getProperty("prakerja.adapters.stand-ins")).isEqualTo("email,payment,civil-registry");
    }

    @Test
    @DisplayName("Issue 19.1: outside the sandbox, a port without its adapter stops the start with one report naming every missing setting")
    void productionWithoutAdapters() {
        assertThatThrownBy(() -> decide(null, SMPP))
                .isInstanceOf(UnsafeConfiguration.class)
                .hasMessageContaining("email (smtp): spring.mail.host not set")
                .hasMessageContaining("payment (snap-bi): prakerja.payment.snap.base-url, prakerja.payment.snap.client-key")
                .hasMessageContaining("civil-registry (https): prakerja.civil-registry.url")
                .hasMessageNotContaining("sms (smpp)")
                .satisfies(e -> assertThat(((UnsafeConfiguration) e).action()).contains("PRAKERJA_STAND_INS"));
    }

    @Test
    @DisplayName("Issue 19.1: half an adapter's settings is refused, in the sandbox too, naming what is missing")
    void halfConfigured() {
        assertThatThrownBy(() -> decide("sandbox", Map.of("prakerja.sms.smpp.host", "smsc.example")))
                .isInstanceOf(UnsafeConfiguration.class)
                .hasMessageContaining("sms (smpp): prakerja.sms.smpp.port, prakerja.sms.smpp.system-id,"
                        + " prakerja.sms.smpp.password not set, while prakerja.sms.smpp.host is");
    }

    @Test
    @DisplayName("Issue 19.1: a staging deployment runs the stand-ins it names, and only those")
    void stagingNamesItsStandIns() {
        var env = decide(null, Map.of("prakerja.stand-ins", "sms, payment,civil-registry", "spring.mail.host", "mail.example"));
        assertThat(env.getProperty("prakerja.adapters.sms")).isEqualTo("stand-in");
        assertThat(env.getProperty("prakerja.adapters.payment")).isEqualTo("stand-in");
        assertThat(env.getProperty("prakerja.adapters.email")).isEqualTo("smtp");
        assertThatThrownBy(() -> decide(null, Map.of("prakerja.stand-ins", "sms,payment", "spring.mail.host", "m")))
                .isInstanceOf(UnsafeConfiguration.class).hasMessageContaining("civil-registry (https)")
                .hasMessageNotContaining("sms (smpp)").hasMessageNotContaining("payment (snap-bi)");
        assertThatThrownBy(() -> decide(null, Map.of("prakerja.stand-ins", "sms,fax")))
                .isInstanceOf(UnsafeConfiguration.class).hasMessageContaining("fax, which is not a port");
    }

    @Test
    @DisplayName("Issue 19.1: the service itself refuses to start without adapters, before it opens a database")
    void serviceRefusesToStart() {
        Path never = Path.of("target/never-created-outside");
        assertThatThrownBy(() -> new SpringApplicationBuilder(PrakerjaApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=", "--prakerja.db.embedded.data-dir=" + never,
                        "--prakerja.security.pii-key=a-real-deployment-pii-key-0123456789",
                        "--prakerja.security.secret-key=cmVhbC1kZXBsb3ltZW50LXNlY3JldC1rZXktMzJieXQ=",
                        "--logging.level.root=WARN"))
                .isInstanceOf(UnsafeConfiguration.class)
                .hasMessageContaining("sms (smpp): prakerja.sms.smpp.host");
        assertThat(never).doesNotExist();
    }
}
