package org.prakerja.login;

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
 * login/common-passwords.txt}). Length stays docs/api.md's 8..128.
 */
public final class PasswordPolicy {

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /**
     * Why a password is refused: {@link #reason()} in English for the API's problem, {@link #key()}
     * for a page, which shows it from the bundles in the reader's language.
     */
    public enum Weakness {
        BLANK("must not be blank or only spaces"),
        TOO_SHORT("must have at least 8 characters besides leading and trailing spaces"),
        FEW_CHARACTERS("is too easy to guess: use at least four different characters"),
        RUN("is too easy to guess: it is a run of consecutive characters"),
        COMMON("is one of the most common passwords: choose another"),
        CONTAINS_EMAIL("must not contain your email address");

        private final String reason;

        Weakness(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }

        /** The bundle key of this reason's text ({@code password.weak.<NAME>}). */
        public String key() {
            return "password.weak." + name();
        }
    }

    /** Why the password is refused, in words for the person choosing it; empty when it is acceptable. */
    public static Optional<String> refusal(String password, String email) {
        return weakness(password, email).map(Weakness::reason);
    }

    /** Why the password is refused; empty when it is acceptable. */
    public static Optional<Weakness> weakness(String password, String email) {
        if (password == null || password.isBlank()) {
            return Optional.of(Weakness.BLANK);
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (lower.codePointCount(0, lower.length()) < 8) {
            return Optional.of(Weakness.TOO_SHORT);
        }
        if (password.codePoints().distinct().count() < 4) {
            return Optional.of(Weakness.FEW_CHARACTERS);
        }
        if (isRun(lower)) {
            return Optional.of(Weakness.RUN);
        }
        if (COMMON.contains(lower)) {
            return Optional.of(Weakness.COMMON);
        }
        if (email != null && !email.isBlank()) {
            String address = email.toLowerCase(Locale.ROOT);
            String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            if (lower.equals(address) || (local.length() >= 4 && lower.contains(local))) {
                return Optional.of(Weakness.CONTAINS_EMAIL);
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
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/login/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("login/common-passwords.txt is missing from the classpath");
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
