package org.prakerja.training;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.prakerja.partner.Partner;
import org.prakerja.purchase.Voucher;
import org.prakerja.purchase.VoucherStatus;
import org.prakerja.registration.Participants;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** docs/api.md section 3, institution endpoints. */
@RestController
@RequestMapping("/partner/v1")
@Tag(name = "Partner: training institutions", description = "Signed like every partner call; POSTs need X-External-Id.")
class InstitutionController {

    private final TrainingRecords records;
    private final Participants participants;

    InstitutionController(TrainingRecords records, Participants participants) {
        this.records = records;
        this.participants = participants;
    }

    record Redemption(@NotNull @Size(max = 20) String voucherCode) {
    }

    @PostMapping("/redemptions")
    @Operation(summary = "Redeem a voucher (tukar kode voucher, R-60, R-61, R-65)",
            description = "VOUCHER_NOT_YOURS: a voucher for another institution's training")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(value = TrainingRefusal.class, codes = {"VOUCHER_NOT_FOUND", "VOUCHER_NOT_YOURS", "VOUCHER_ALREADY_REDEEMED",
            "VOUCHER_REFUNDED", "PREVIOUS_TRAINING_NOT_COMPLETED"})
    VoucherView redeem(HttpServletRequest request, @Valid @RequestBody Redemption body) {
        return view(voucher(records.redeem(Partner.of(request).id(), body.voucherCode())));
    }

    record Pretest(@NotNull @Min(0) @Max(100) Integer score) {
    }

    @PostMapping("/vouchers/{code}/pretest")
    @Operation(summary = "Record the pre-test (R-62)")
    @Refuses(value = TrainingRefusal.class,
            codes = {"VOUCHER_NOT_FOUND", "VOUCHER_NOT_YOURS", "VOUCHER_NOT_REDEEMED", "VOUCHER_REFUNDED", "ALREADY_COMPLETED"})
    Step pretest(HttpServletRequest request, @PathVariable String code, @Valid @RequestBody Pretest body) {
        return new Step(voucher(records.pretest(Partner.of(request).id(), code, body.score())).status());
    }

    record Completion(@NotNull @Min(0) @Max(100) Integer postTestScore,
            @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9/._-]+$") String certificateNumber,
            @NotBlank @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String certificateUrl,
            @NotNull OffsetDateTime issuedAt) {
    }

    @PostMapping("/vouchers/{code}/completion")
    @Operation(summary = "Report completion with the certificate (R-63)")
    @Refuses(value = TrainingRefusal.class, codes = {"VOUCHER_NOT_FOUND", "VOUCHER_NOT_YOURS", "VOUCHER_NOT_REDEEMED",
            "VOUCHER_REFUNDED", "PRETEST_REQUIRED", "ALREADY_COMPLETED", "CERTIFICATE_NUMBER_TAKEN"})
    Step complete(HttpServletRequest request, @PathVariable String code, @Valid @RequestBody Completion body) {
        return new Step(voucher(records.complete(Partner.of(request).id(), code, body.postTestScore(),
                body.certificateNumber(), body.certificateUrl(), body.issuedAt().toInstant())).status());
    }

    @GetMapping("/vouchers/{code}")
    @Operation(summary = "A voucher of one of this institution's trainings")
    @Refuses(value = TrainingRefusal.class, codes = {"VOUCHER_NOT_FOUND", "VOUCHER_NOT_YOURS"})
    VoucherView voucher(HttpServletRequest request, @PathVariable String code) {
        return view(voucher(records.find(Partner.of(request).id(), code)));
    }

    /** A voucher as its institution sees it. */
    record VoucherView(String voucherCode, String trainingId, String participantName, VoucherStatus status) {
    }

    /** Where the voucher is after a pre-test or a completion. */
    record Step(VoucherStatus status) {
    }

    private static Voucher voucher(TrainingRecords.VoucherResult outcome) {
        return switch (outcome) {
            case TrainingRecords.Done d -> d.voucher();
            case TrainingRecords.Refused r -> throw new RefusedException(r.reason());
        };
    }

    private VoucherView view(Voucher v) {
        String name = participants.find(v.participantId()).map(p -> p.fullName()).orElse("");
        return new VoucherView(v.code(), v.trainingId(), name, v.status());
    }
}
