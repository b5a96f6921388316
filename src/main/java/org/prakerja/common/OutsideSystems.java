package org.prakerja.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Decides, before anything starts, which adapter each port to an outside system runs on, and
 * writes it as {@code prakerja.adapters.<port>} for the beans to be conditional on: the real
 * adapter when its settings are all there; the stand-in in the sandbox, or where a staging
 * deployment accepts it by name in {@code prakerja.stand-ins} (each start then logs a warning);
 * otherwise the start stops with one report naming every missing setting of every port.
 *
 * <p>Half a real adapter's settings is a mistake everywhere, the sandbox included: the stand-in
 * would quietly take the place of the server someone meant to reach.
 */
class OutsideSystems implements EnvironmentPostProcessor, Ordered {

    static final String ACCEPTED = "prakerja.stand-ins";
    static final String STAND_IN = "stand-in";
    static final String STAND_INS_RUNNING = "prakerja.adapters.stand-ins";

    /** A port, its real adapter's name, and the settings that adapter cannot run without. */
    enum Port {
        SMS("sms", "smpp", "prakerja.sms.smpp.host", "prakerja.sms.smpp.port", "prakerja.sms.smpp.system-id",
                "prakerja.sms.smpp.password"),
        EMAIL("email", "smtp", "spring.mail.host"),
        PAYMENT("payment", "snap-bi", "prakerja.payment.snap.base-url", "prakerja.payment.snap.client-key",
                "prakerja.payment.snap.private-key", "prakerja.payment.snap.client-secret",
                "prakerja.payment.snap.source-account"),
        CIVIL_REGISTRY("civil-registry", "https", "prakerja.civil-registry.url", "prakerja.civil-registry.key-store",
                "prakerja.civil-registry.key-store-password", "prakerja.civil-registry.trust-store",
                "prakerja.civil-registry.trust-store-password");

        final String key;
        final String real;
        final List<String> settings;

        Port(String key, String real, String... settings) {
            this.key = key;
            this.real = real;
            this.settings = List.of(settings);
        }

        String property() {
            return "prakerja.adapters." + key;
        }
    }

    private final Log log;

    OutsideSystems(DeferredLogFactory logs) {
        this.log = logs.getLog(OutsideSystems.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean sandbox = environment.acceptsProfiles(Profiles.of("sandbox"));
        Set<String> accepted = accepted(environment.getProperty(ACCEPTED, ""));
        Map<String, Object> chosen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> standIns = new ArrayList<>();
        for (Port port : Port.values()) {
            var missing = port.settings.stream().filter(s -> environment.getProperty(s, "").isBlank()).toList();
            if (missing.isEmpty()) {
                chosen.put(port.property(), port.real);
            } else if (missing.size() < port.settings.size()) {
                problems.add(port.key + " (" + port.real + "): " + String.join(", ", missing) + " not set, while "
                        + port.settings.stream().filter(s -> !missing.contains(s)).collect(Collectors.joining(", "))
                        + (port.settings.size() - missing.size() == 1 ? " is" : " are"));
            } else if (sandbox || accepted.contains(port.key)) {
                chosen.put(port.property(), STAND_IN);
                standIns.add(port.key);
            } else {
                problems.add(port.key + " (" + port.real + "): " + String.join(", ", missing) + " not set");
            }
        }
        if (!problems.isEmpty()) {
            throw new UnsafeConfiguration("Outside the sandbox every outside system needs its real adapter, and these are"
                    + " not configured:\n  " + String.join("\n  ", problems),
                    "Set the settings named (docs/operations.md, \"Outside systems\"). A staging deployment may run a"
                            + " port on its stand-in by naming it in PRAKERJA_STAND_INS (prakerja.stand-ins), e.g."
                            + " `sms,payment`; the sandbox runs on stand-ins: --spring.profiles.active=sandbox.");
        }
        // the ports on their stand-ins, for what exists only where one runs (database/StandInTables)
        chosen.put(STAND_INS_RUNNING, String.join(",", standIns));
        environment.getPropertySources().addFirst(new MapPropertySource("outside-systems", chosen));
        if (!sandbox && !standIns.isEmpty()) {
            log.warn("Running on stand-ins outside the sandbox: " + String.join(", ", standIns) + " (" + ACCEPTED
                    + "). Nothing sent through them reaches a person, a bank or the civil registry.");
        }
    }

    private static Set<String> accepted(String setting) {
        var names = Arrays.stream(setting.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        var known = Arrays.stream(Port.values()).map(p -> p.key).collect(Collectors.toSet());
        var unknown = names.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new UnsafeConfiguration(ACCEPTED + " names " + String.join(", ", unknown) + ", which is not a port.",
                    "Name ports among: " + String.join(", ", Arrays.stream(Port.values()).map(p -> p.key).toList()) + ".");
        }
        return names;
    }

    @Override
    public int getOrder() {
        // after Spring Boot has read application.yml, the profiles and the environment
        return Ordered.LOWEST_PRECEDENCE;
    }
}
