package org.prakerja.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.PrakerjaApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hardening 2: outside the sandbox the service refuses to start on the public sandbox keys, without
 * keys, or on a database written as the sandbox or with other keys.
 */
class ProductionKeysTest {

    private static final String PII = "a-real-deployment-pii-key-0123456789";
    private static final String SECRET = "cmVhbC1kZXBsb3ltZW50LXNlY3JldC1rZXktMzJieXQ=";
    private static final String OTHER_SECRET = "b3RoZXItZGVwbG95bWVudC1zZWNyZXQta2V5LTMyYnk=";

    private static ConfigurableApplicationContext start(String profile, Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=", "--prakerja.jobs.schedule.enabled=false",
                "--logging.structured.format.console=", "--logging.level.root=WARN",
                "--prakerja.db.embedded.fsync=off", "--prakerja.db.embedded.data-dir=" + dataDir,
                "--prakerja.stand-ins=sms,email,payment,civil-registry"));
        args.addAll(List.of(extra));
        var builder = new SpringApplicationBuilder(PrakerjaApplication.class).web(WebApplicationType.NONE);
        if (profile != null) {
            builder.profiles(profile);
        }
        return builder.run(args.toArray(String[]::new));
    }

    private static Path dataDir() throws Exception {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "keys-pg");
    }

    @Test
    @DisplayName("Hardening 2: without PRAKERJA_PII_KEY the service does not start, and says which variable to set")
    void piiKeyUnset() {
        assertThatThrownBy(() -> start(null, Path.of("target/never-created"), "--prakerja.security.secret-key=" + SECRET))
                .isInstanceOf(UnsafeConfiguration.class)
                .hasMessageContaining("PRAKERJA_PII_KEY").hasMessageContaining("not set");
        assertThat(Path.of("target/never-created")).doesNotExist();
    }

    @Test
    @DisplayName("Hardening 2: the sandbox's public keys, given explicitly, are refused outside the sandbox")
    void sandboxKeysRefused() {
        assertThatThrownBy(() -> start(null, Path.of("target/never-created"),
                "--prakerja.security.pii-key=" + SecretKeys.SANDBOX_PII_KEY, "--prakerja.security.secret-key=" + SECRET))
                .isInstanceOf(UnsafeConfiguration.class).hasMessageContaining("PRAKERJA_PII_KEY")
                .hasMessageContaining("public sandbox key");
        assertThatThrownBy(() -> start(null, Path.of("target/never-created"), "--prakerja.security.pii-key=" + PII,
                "--prakerja.security.secret-key=" + SecretKeys.SANDBOX_SECRET_KEY))
                .isInstanceOf(UnsafeConfiguration.class).hasMessageContaining("PRAKERJA_SECRET_KEY")
                .hasMessageContaining("public sandbox key");
        assertThatThrownBy(() -> start(null, Path.of("target/never-created"), "--prakerja.security.pii-key=" + PII))
                .isInstanceOf(UnsafeConfiguration.class).hasMessageContaining("PRAKERJA_SECRET_KEY");
        assertThatThrownBy(() -> start(null, Path.of("target/never-created"), "--prakerja.security.pii-key=short",
                "--prakerja.security.secret-key=" + SECRET))
                .isInstanceOf(UnsafeConfiguration.class).hasMessageContaining("32 characters");
        assertThatThrownBy(() -> start(null, Path.of("target/never-created"), "--prakerja.security.pii-key=" + PII,
                "--prakerja.security.secret-key=bm90LTMyLWJ5dGVz"))
                .isInstanceOf(UnsafeConfiguration.class).hasMessageContaining("32 bytes");
    }

    @Test
    @DisplayName("Hardening 2: the failure is printed as a short report naming what to do, not as a stack trace")
    void failureReport() {
        var analysis = new UnsafeConfigurationAnalyzer().analyze(new IllegalStateException("wrapped",
                new UnsafeConfiguration("PRAKERJA_PII_KEY is not set", "Set PRAKERJA_PII_KEY")));
        assertThat(analysis.getDescription()).isEqualTo("PRAKERJA_PII_KEY is not set");
        assertThat(analysis.getAction()).isEqualTo("Set PRAKERJA_PII_KEY");
    }

    @Test
    @DisplayName("Hardening 2: a database the sandbox wrote (demo logins, public keys) is refused by a real deployment, and the reverse")
    void sandboxDatabaseRefusedInProduction() throws Exception {
        Path sandboxDb = dataDir();
        start("sandbox", sandboxDb).close();
        assertThatThrownBy(() -> start(null, sandboxDb, "--prakerja.security.pii-key=" + PII,
                "--prakerja.security.secret-key=" + SECRET))
                .rootCause().isInstanceOf(UnsafeConfiguration.class).hasMessageContaining("sandbox's demo data");

        Path realDb = dataDir();
        start(null, realDb, "--prakerja.security.pii-key=" + PII, "--prakerja.security.secret-key=" + SECRET).close();
        assertThatThrownBy(() -> start("sandbox", realDb))
                .rootCause().isInstanceOf(UnsafeConfiguration.class).hasMessageContaining("real deployment");
        assertThatThrownBy(() -> start(null, realDb, "--prakerja.security.pii-key=" + PII,
                "--prakerja.security.secret-key=" + OTHER_SECRET))
                .rootCause().isInstanceOf(UnsafeConfiguration.class)
                .hasMessageContaining("PRAKERJA_SECRET_KEY is not the key this database was written with");
        // the right keys still start it
        try (var again = start(null, realDb, "--prakerja.security.pii-key=" + PII, "--prakerja.security.secret-key=" + SECRET)) {
            assertThat(again.isActive()).isTrue();
        }
    }
}
