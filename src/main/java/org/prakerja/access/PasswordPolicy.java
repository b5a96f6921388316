package org.prakerja.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which passwords are refused (OWASP ASVS 2.1): blank or whitespace only, made of fewer than four
 * different characters, a run like {@code 12345678} or {@code abcdefgh}, the account's own email,
 * or one of the most common passwords (a list shipped with the service, {@code
 * access/common-passwords.txt}). Length stays API.md's 8..128.
 */
public final class PasswordPolicy {

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why the password is refused, in words for the person choosing it; empty when it is acceptable. */
    public static Optional<String> refusal(String password, String email) {
        if (password == null || password.isBlank()) {
            return Optional.of("must not be blank or only spaces");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (lower.codePointCount(0, lower.length()) < 8) {
            return Optional.of("must have at least 8 characters besides leading and trailing spaces");
        }
        if (password.codePoints().distinct().count() < 4) {
            return Optional.of("is too easy to guess: use at least four different characters");
        }
        if (isRun(lower)) {
            return Optional.of("is too easy to guess: it is a run of consecutive characters");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("is one of the most common passwords: choose another");
        }
        if (email != null && !email.isBlank()) {
            String address = email.toLowerCase(Locale.ROOT);
            String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            if (lower.equals(address) || (local.length() >= 4 && lower.contains(local))) {
                return Optional.of("must not contain your email address");
            }
        }
        return Optional.empty();
    }

    private static boolean isRun(String s) {
        int step = s.charAt(1) - s.charAt(0);
        if (Math.abs(step) != 1) {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            if (s.charAt(i) - s.charAt(i - 1) != step) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/access/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("access/common-passwords.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.strip().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
