package org.prakerja;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.common.CommonRefusal;
import org.prakerja.common.Refusal;
import org.prakerja.complaint.ComplaintRefusal;
import org.prakerja.incentive.IncentiveRefusal;
import org.prakerja.purchase.PurchaseRefusal;
import org.prakerja.registration.RegistrationRefusal;
import org.prakerja.scheme.SchemeRefusal;
import org.prakerja.training.TrainingRefusal;
import org.prakerja.wave.WaveRefusal;
import org.springframework.http.HttpStatus;

/** The statuses docs/api.md gives the codes, now that each module owns its codes' statuses. */
class RefusalStatusTest {

    /** docs/api.md's exceptions to "409 unless said". */
    private static final Map<String, Integer> SAID = Map.ofEntries(
            Map.entry("VALIDATION_FAILED", 400), Map.entry("UNAUTHENTICATED", 401), Map.entry("FORBIDDEN", 403),
            Map.entry("NOT_FOUND", 404), Map.entry("METHOD_NOT_ALLOWED", 405), Map.entry("UNSUPPORTED_MEDIA_TYPE", 415),
            Map.entry("RATE_LIMITED", 429), Map.entry("INTERNAL_ERROR", 500), Map.entry("TOO_LARGE", 413),
            Map.entry("NOT_ACCEPTABLE", 406), Map.entry("SERVICE_UNAVAILABLE", 503),
            Map.entry("CARD_NOT_FOUND", 404), Map.entry("OTP_INVALID", 401), Map.entry("OTP_LOCKED", 429),
            Map.entry("TRAINING_NOT_FOUND", 404), Map.entry("VOUCHER_NOT_FOUND", 404), Map.entry("VOUCHER_NOT_YOURS", 403),
            Map.entry("CERTIFICATE_NOT_FOUND", 404), Map.entry("PARTICIPANT_NOT_FOUND", 404),
            Map.entry("WAVE_NOT_FOUND", 404), Map.entry("IDENTITY_NOT_VERIFIED", 422), Map.entry("CODE_INVALID", 422),
            Map.entry("CODE_EXPIRED", 422), Map.entry("CODE_LOCKED", 429), Map.entry("COMPLAINT_NOT_FOUND", 404),
            Map.entry("ATTACHMENT_NOT_FOUND", 404), Map.entry("SCHEME_NOT_FOUND", 422),
            Map.entry("HOLDER_NAME_MISMATCH", 422), Map.entry("PHONE_MISMATCH", 422),
            Map.entry("PAYOUT_ACCOUNT_NOT_FOUND", 422));

    @Test
    @DisplayName("every refusal answers the status docs/api.md gives its code, 409 unless said")
    void statusesAsApiMdSays() {
        Map<String, Integer> actual = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        Stream.of(CommonRefusal.values(), PurchaseRefusal.values(), TrainingRefusal.values(),
                RegistrationRefusal.values(), WaveRefusal.values(), ComplaintRefusal.values(), SchemeRefusal.values(),
                IncentiveRefusal.values())
                .flatMap(Arrays::stream)
                .forEach((Refusal r) -> {
                    String key = r.getClass().getSimpleName() + "." + r.code();
                    actual.put(key, r.status().value());
                    expected.put(key, SAID.getOrDefault(r.code(), HttpStatus.CONFLICT.value()));
                });
        assertThat(actual).isEqualTo(expected);
    }
}
