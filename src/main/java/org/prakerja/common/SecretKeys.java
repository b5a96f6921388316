package org.prakerja.common;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The two keys that protect personal data: {@code prakerja.security.pii-key} (HMAC of NIK, KK and
 * codes) and {@code prakerja.security.secret-key} (AES-256 of card numbers and partner secrets).
 * The sandbox runs on public keys so that it needs no setup; anything else refuses to start
 * without keys of its own, before it opens a database or a port.
 */
class SecretKeys implements EnvironmentPostProcessor, Ordered {

    static final String PII_KEY = "prakerja.security.pii-key";
    static final String SECRET_KEY = "prakerja.security.secret-key";
    /** Public: written in this file for anyone to read. Never good enough outside the sandbox. */
    static final String SANDBOX_PII_KEY = "sandbox-pii-key-change-me";
    static final String SANDBOX_SECRET_KEY = "c2FuZGJveC1jYXJkLWtleS0zMmJ5dGVzLWxvbmchISE=";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String pii = environment.getProperty(PII_KEY, "");
        String secret = environment.getProperty(SECRET_KEY, "");
        if (environment.acceptsProfiles(Profiles.of("sandbox"))) {
            // only where no key is set: a key given to the sandbox still wins
            Map<String, Object> defaults = new HashMap<>();
            if (pii.isBlank()) {
                defaults.put(PII_KEY, SANDBOX_PII_KEY);
            }
            if (secret.isBlank()) {
                defaults.put(SECRET_KEY, SANDBOX_SECRET_KEY);
            }
            environment.getPropertySources().addFirst(new MapPropertySource("sandbox-keys", defaults));
            return;
        }
        if (pii.isBlank() || pii.equals(SANDBOX_PII_KEY)) {
            throw new UnsafeConfiguration("PRAKERJA_PII_KEY (prakerja.security.pii-key) is "
                    + (pii.isBlank() ? "not set" : "the public sandbox key") + "; outside the sandbox the service"
                    + " will not hash NIKs, KK numbers and codes with a key anybody can read.",
                    "Set PRAKERJA_PII_KEY to a random secret of at least 32 characters (e.g. `openssl rand -base64 48`),"
                            + " or start the sandbox with --spring.profiles.active=sandbox.");
        }
        if (pii.length() < 32) {
            throw new UnsafeConfiguration("PRAKERJA_PII_KEY (prakerja.security.pii-key) is shorter than 32 characters.",
                    "Set PRAKERJA_PII_KEY to a random secret of at least 32 characters (e.g. `openssl rand -base64 48`).");
        }
        if (secret.isBlank() || secret.equals(SANDBOX_SECRET_KEY)) {
            throw new UnsafeConfiguration("PRAKERJA_SECRET_KEY (prakerja.security.secret-key) is "
                    + (secret.isBlank() ? "not set" : "the public sandbox key") + "; outside the sandbox the service"
                    + " will not encrypt card numbers and partner secrets with a key anybody can read.",
                    "Set PRAKERJA_SECRET_KEY to 32 random bytes in base64 (e.g. `openssl rand -base64 32`),"
                            + " or start the sandbox with --spring.profiles.active=sandbox.");
        }
        if (!isAes256(secret)) {
            throw new UnsafeConfiguration("PRAKERJA_SECRET_KEY (prakerja.security.secret-key) is not 32 bytes in base64.",
                    "Set PRAKERJA_SECRET_KEY to the output of `openssl rand -base64 32`.");
        }
    }

    private static boolean isAes256(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        // after Spring Boot has read application.yml, the profiles and the environment; before
        // OutsideSystems, so that missing keys are reported first
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
