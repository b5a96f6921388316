package org.prakerja;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/** The console speaks to a person in the sandbox and to a log store in production. */
class ConsoleLogFormatTest {

    @Test
    @DisplayName("with the sandbox profile (./mvnw spring-boot:run) the console logs plain lines")
    void sandboxLogsPlainText() {
        assertThat(consoleFormat("sandbox")).isEmpty();
    }

    @Test
    @DisplayName("without the sandbox profile, as in production, the console logs ECS JSON")
    void productionLogsEcs() {
        assertThat(consoleFormat()).isEqualTo("ecs");
    }

    /** The setting as application.yml and the profiles' files make it, without starting the service. */
    private static String consoleFormat(String... profiles) {
        var environment = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(), new DefaultBootstrapContext(),
                profiles);
        return environment.getProperty("logging.structured.format.console");
    }
}
