package org.prakerja.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Jazzer, Hardening 1: whatever path a caller sends, the check answers without throwing, and a path
 * it lets through reads the same raw and decoded where it matters to a security decision: no dot
 * or empty segment appears after decoding, and it is under {@code /partner} raw exactly when it is
 * under {@code /partner} decoded, in any case.
 */
class CanonicalPathFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void acceptedPathsMeanOneThing(FuzzedDataProvider data) {
        String prefix = data.pickValue(new String[] {"/partner/v1/", "/api/v1/ops/", "/", "/partner", "/PARTNER/", ""});
        String path = prefix + data.consumeRemainingAsString();
        var refusal = CanonicalPath.refusal(path);
        if (refusal.isPresent()) {
            assertThat(refusal.get()).isNotBlank();
            return;
        }
        String decoded = percentDecode(path);
        assertThat(decoded).startsWith("/");
        for (String segment : decoded.substring(1).split("/", -1)) {
            assertThat(segment).isNotIn(".", "..");
        }
        assertThat(decoded).doesNotContain("//", ";", "\\");
        boolean rawPartner = path.toLowerCase(Locale.ROOT).startsWith("/partner");
        boolean decodedPartner = decoded.toLowerCase(Locale.ROOT).startsWith("/partner");
        assertThat(rawPartner).isEqualTo(decodedPartner);
        if (decodedPartner) {
            assertThat(path).startsWith("/partner");
        }
    }

    private static String percentDecode(String s) {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
