package org.prakerja.web;

import java.util.Locale;
import java.util.Optional;

/**
 * The one form of a request path that every layer reads alike. Tomcat, Spring Security's matchers,
 * the partner signature filter and Spring MVC's router each look at the path in their own way (raw,
 * decoded, normalised); where they could disagree, an attacker picks the form that one layer
 * authenticates as harmless and another routes to a protected handler
 * ({@code /partner/%761/trainings}). So a path is served only when those forms cannot differ: no
 * percent-encoded letter, digit, unreserved mark, slash, backslash, percent or semicolon; no dot
 * segment, empty segment, path parameter or backslash; and {@code /partner} in its own case. Other
 * percent-encoded characters (a space in a certificate number) stay allowed: they decode the same
 * everywhere and cannot change which handler is chosen.
 */
final class CanonicalPath {

    private CanonicalPath() {
    }

    /** Why {@code rawPath} (the request URI without its query, undecoded) is refused, or empty when it is canonical. */
    static Optional<String> refusal(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.of("the path must start with /");
        }
        if (rawPath.indexOf(';') >= 0) {
            return Optional.of("path parameters (;) are not accepted");
        }
        if (rawPath.indexOf('\\') >= 0) {
            return Optional.of("backslashes are not accepted in the path");
        }
        if (rawPath.contains("//")) {
            return Optional.of("empty path segments (//) are not accepted");
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x21 || c == 0x7F) {
                return Optional.of("control characters are not accepted in the path");
            }
            if (c == '%') {
                int decoded = hexOctet(rawPath, i + 1);
                if (decoded < 0) {
                    return Optional.of("the path holds a malformed percent-encoding");
                }
                if (mustNotBeEncoded(decoded)) {
                    return Optional.of("letters, digits, '-', '.', '_', '~', '/', '\\', '%' and ';' must not be"
                            + " percent-encoded in the path");
                }
                i += 2;
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("dot segments (. and ..) are not accepted in the path");
            }
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.startsWith("/partner") && !rawPath.startsWith("/partner")) {
            return Optional.of("the partner API's paths are lower case");
        }
        return Optional.empty();
    }

    private static boolean mustNotBeEncoded(int octet) {
        return (octet >= 'a' && octet <= 'z') || (octet >= 'A' && octet <= 'Z') || (octet >= '0' && octet <= '9')
                || "-._~/\\%;".indexOf(octet) >= 0 || octet < 0x20 || octet == 0x7F;
    }

    private static int hexOctet(String s, int at) {
        if (at + 1 >= s.length()) {
            return -1;
        }
        int hi = Character.digit(s.charAt(at), 16);
        int lo = Character.digit(s.charAt(at + 1), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }
}
