package org.prakerja;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.simulator.registry.RegistrySimulator;
import org.prakerja.simulator.smsc.Smsc;
import org.prakerja.simulator.snap.SnapSimulator;
import org.prakerja.simulator.snap.SnapSimulatorMain;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19.1: a production start, every port on its real adapter (pointed at the simulators): it
 * starts without a stand-in, and the stand-ins' tables, where codes and links would lie in plain
 * text, are not in its database.
 */
class ProductionAdaptersTest {

    @Test
    @DisplayName("Issue 19.1: outside the sandbox with every adapter configured, no stand-in runs and no stand-in table exists")
    void noStandInInProduction() throws Exception {
        var keys = SnapSimulatorMain.generate();
        Path key = Files.createTempFile("snap-prod", ".pem");
        Files.writeString(key, SnapSimulatorMain.pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "prod-adapters-pg");
        int smtpPort;
        try (var s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        try (var smsc = new Smsc(0, "prakerja", "smpp-pw");
                var registry = RegistrySimulator.start(0, Path.of("target", "registry-simulator-prod"))) {
            var snap = new SnapSimulator(0, "prakerja-prod", keys.getPublic(), "prod-secret", Duration.ofMinutes(15));
            try (var context = new SpringApplicationBuilder(PrakerjaApplication.class).web(WebApplicationType.NONE).run(
                    "--spring.datasource.url=", "--prakerja.jobs.schedule.enabled=false",
                    "--logging.structured.format.console=", "--logging.level.root=WARN",
                    "--prakerja.db.embedded.fsync=off", "--prakerja.db.embedded.data-dir=" + dataDir,
                    "--prakerja.security.pii-key=a-real-deployment-pii-key-0123456789",
                    "--prakerja.security.secret-key=cmVhbC1kZXBsb3ltZW50LXNlY3JldC1rZXktMzJieXQ=",
                    "--prakerja.sms.smpp.host=127.0.0.1", "--prakerja.sms.smpp.port=" + smsc.port(),
                    "--prakerja.sms.smpp.system-id=prakerja", "--prakerja.sms.smpp.password=smpp-pw",
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                    "--prakerja.payment.snap.base-url=" + snap.baseUrl(), "--prakerja.payment.snap.client-key=prakerja-prod",
                    "--prakerja.payment.snap.private-key=" + key, "--prakerja.payment.snap.client-secret=prod-secret",
                    "--prakerja.payment.snap.source-account=1234567890",
                    "--prakerja.civil-registry.url=" + registry.url(),
                    "--prakerja.civil-registry.key-store=" + registry.pki().clientKeyStore(),
                    "--prakerja.civil-registry.key-store-password=changeit",
                    "--prakerja.civil-registry.trust-store=" + registry.pki().clientTrustStore(),
                    "--prakerja.civil-registry.trust-store-password=changeit")) {
                var env = context.getEnvironment();
                assertThat(env.getProperty("prakerja.adapters.sms")).isEqualTo("smpp");
                assertThat(env.getProperty("prakerja.adapters.email")).isEqualTo("smtp");
                assertThat(env.getProperty("prakerja.adapters.payment")).isEqualTo("snap-bi");
                assertThat(env.getProperty("prakerja.adapters.civil-registry")).isEqualTo("https");
                for (String standIn : new String[] {"LocalGateways", "LocalCivilRegistry", "LocalPaymentProvider"}) {
                    assertThat(context.getBeanDefinitionNames()).as(standIn)
                            .noneMatch(name -> name.equalsIgnoreCase(standIn));
                }
                var db = context.getBean(JdbcClient.class);
                for (String table : new String[] {"gateway_message", "provider_directory", "provider_payment",
                    "provider_refusal", "provider_failure"}) {
                    assertThat(db.sql("SELECT to_regclass(?) IS NULL").param(table).query(Boolean.class).single())
                            .as(table).isTrue();
                }
            } finally {
                snap.close();
            }
        }
    }
}
