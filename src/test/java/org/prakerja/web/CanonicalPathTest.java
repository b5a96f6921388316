package org.prakerja.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/partner/v1/trainings", "/partner/v1/vouchers/PK-ABCDE-FGHJK",
            "/api/v1/certificates/CERT%20001", "/api/v1/ops/waves/12/selection", "/sandbox/inbox",
            "/swagger-ui.html", "/api/v1/trainings"})
    @DisplayName("a plain path is served")
    void plainPaths(String path) {
        assertThat(CanonicalPath.refusal(path)).as(path).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/partner/%761/trainings", "/partner/v1/%74rainings", "/partner/v1/%74RAININGS",
            "/api/v1/%6Fps/waves", "/partner/v1%2Ftrainings", "/partner/v1%2ftrainings", "/partner/v1/%2e/trainings",
            "/partner/v1/%2E%2E/v1/trainings", "/partner/v1/trainings%3bx", "/partner/v1/trainings%25",
            "/partner/v1/trainings%5C", "/partner/v1/trainings%00", "/partner/v1/trainings%7E", "/partner/v1/%5F",
            "/partner/v1/%zz", "/partner/v1/%4", "/partner/v1/trainings%"})
    @DisplayName("Hardening 1: a percent-encoded letter, digit, mark, slash, percent or control character is refused")
    void encodedCharacters(String path) {
        assertThat(CanonicalPath.refusal(path)).as(path).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/partner//v1/trainings", "//partner/v1/trainings", "/partner/v1/./trainings",
            "/partner/v1/x/../trainings", "/partner/v1/..", "/partner/v1/.", "/partner/v1;a=b/trainings",
            "/partner/v1/trainings;jsessionid=1", "/partner\\v1/trainings", "/PARTNER/v1/trainings",
            "/Partner/v1/trainings", "partner/v1/trainings", ""})
    @DisplayName("Hardening 1: dot segments, empty segments, path parameters, backslashes and case variants are refused")
    void nonCanonicalShapes(String path) {
        assertThat(CanonicalPath.refusal(path)).as(path).isPresent();
    }
}
