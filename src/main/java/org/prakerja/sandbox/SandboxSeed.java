package org.prakerja.sandbox;

import java.util.List;
import java.util.UUID;
import org.prakerja.login.Credentials;
import org.prakerja.login.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Demo data of the sandbox: operator accounts and an OPEN wave, so the journey can start at once. */
@Component
@Profile("sandbox")
class SandboxSeed {

    private static final Logger log = LoggerFactory.getLogger(SandboxSeed.class);

    record DemoLogin(String email, String password, String role) {
    }

    private static final List<DemoLogin> OPERATORS = List.of(
            new DemoLogin("admin@prakerja.test", "admin-sandbox-1", Role.ADMIN.name()),
            new DemoLogin("operator@prakerja.test", "operator-sandbox-1", Role.OPERATOR.name()),
            new DemoLogin("auditor@prakerja.test", "auditor-sandbox-1", Role.AUDITOR.name()));

    private final Credentials credentials;
    private final List<SeedStep> steps;
    private final Environment environment;

    SandboxSeed(Credentials credentials, List<SeedStep> steps, Environment environment) {
        this.credentials = credentials;
        this.steps = steps;
        this.environment = environment;
    }

    List<DemoLogin> operators() {
        return OPERATORS;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        for (var op : OPERATORS) {
            if (!credentials.emailTaken(op.email())) {
                credentials.create(op.email(), credentials.hash(op.password()), Role.valueOf(op.role()), UUID.randomUUID());
            }
        }
        steps.forEach(SeedStep::seed);
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        var banner = new StringBuilder()
                .append("\n\n  Prakerja portal:  http://localhost:").append(port).append("/\n")
                .append("  Demo pages:       http://localhost:").append(port).append("/sandbox  (store, training institution, inbox, clock)\n")
                .append("  Console:          http://localhost:").append(port).append("/ops\n")
                .append("  API docs:         http://localhost:").append(port).append("/swagger-ui.html\n")
                .append("  Demo logins (the login page, or POST /api/v1/sessions):\n");
        OPERATORS.forEach(o -> banner.append("    ").append(String.format("%-9s", o.role())).append(o.email())
                .append("  /  ").append(o.password()).append('\n'));
        banner.append("  A participant: register at http://localhost:").append(port)
                .append("/register; the codes arrive in the demo inbox.\n");
        System.out.println(banner);
        log.info("sandbox seeded port={}", port);
    }
}
