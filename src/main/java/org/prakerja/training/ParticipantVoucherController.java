package org.prakerja.training;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.prakerja.catalog.Catalog;
import org.prakerja.catalog.Training;
import org.prakerja.common.Masking;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.prakerja.login.CurrentUser;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notifications;
import org.prakerja.purchase.Voucher;
import org.prakerja.purchase.VoucherStatus;
import org.prakerja.purchase.Vouchers;
import org.prakerja.registration.Participants;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** R-81 every voucher code on the dashboard, the voucher email again, and R-64 reviews. */
@RestController
@Tag(name = "Participant: vouchers and certificates")
class ParticipantVoucherController {

    private final Vouchers vouchers;
    private final TrainingRecords records;
    private final Catalog catalog;
    private final Participants participants;
    private final Notifications notifications;

    ParticipantVoucherController(Vouchers vouchers, TrainingRecords records, Catalog catalog, Participants participants,
            Notifications notifications) {
        this.vouchers = vouchers;
        this.records = records;
        this.catalog = catalog;
        this.participants = participants;
        this.notifications = notifications;
    }

    record TrainingRef(String id, String title) {
    }

    record CertificateView(String number, String url, Instant issuedAt) {
    }

    record ReviewView(int rating, String text, Instant reviewedAt) {
    }

    /** One voucher on the dashboard; certificate and review are null until they exist. */
    record VoucherItem(String voucherCode, TrainingRef training, String platform, long price, VoucherStatus status,
            Instant purchasedAt, @Nullable Integer pretestScore, @Nullable CertificateView certificate, @Nullable ReviewView review) {

        static VoucherItem of(Voucher v, String title, TrainingRecord record) {
            return new VoucherItem(v.code(), new TrainingRef(v.trainingId(), title), v.platformId(), v.price(),
                    v.status(), v.purchasedAt(), record == null ? null : record.pretestScore(),
                    record == null || record.certificateNumber() == null ? null
                            : new CertificateView(record.certificateNumber(), record.certificateUrl(),
                                    record.certificateIssuedAt()),
                    record == null || record.reviewRating() == null ? null
                            : new ReviewView(record.reviewRating(), record.reviewText(), record.reviewedAt()));
        }
    }

    @GetMapping("/api/v1/me/vouchers")
    @Operation(summary = "All my voucher codes with their state, certificate and review (R-81)")
    Paged<VoucherItem> mine(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var p = new PageRequest(page, size);
        var list = vouchers.of(user.subjectId(), (int) p.offset(), p.size());
        var byVoucher = records.records(list.stream().map(Voucher::purchaseId).toList());
        var items = list.stream().map(v -> VoucherItem.of(v,
                catalog.training(v.trainingId()).map(t -> t.title()).orElse(""), byVoucher.get(v.purchaseId())))
                .toList();
        return new Paged<>(items, page, size, vouchers.countOf(user.subjectId()));
    }

    @PostMapping("/api/v1/me/vouchers/{code}/resend")
    @Transactional
    @Operation(summary = "Send the voucher email again (R-81)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Refuses(value = TrainingRefusal.class, codes = "VOUCHER_NOT_FOUND")
    void resend(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
        var voucher = vouchers.byCode(code).filter(v -> v.participantId().equals(user.subjectId()))
                .orElseThrow(() -> new RefusedException(TrainingRefusal.VOUCHER_NOT_FOUND));
        String title = catalog.training(voucher.trainingId()).map(t -> t.title()).orElse(voucher.trainingId());
        notifications.send(Message.email(user.subjectId(), "email.voucher-resent", title, code).asSensitive());
    }

    record Review(@NotNull @Min(1) @Max(5) Integer rating, @NotBlank @Size(max = 2000) String text) {
    }

    record Reviewed(String voucherCode, int rating) {
    }

    @PostMapping("/api/v1/me/vouchers/{code}/review")
    @Operation(summary = "Rate and review a completed training (R-64)")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(value = TrainingRefusal.class, codes = {"VOUCHER_NOT_FOUND", "CERTIFICATE_REQUIRED", "ALREADY_REVIEWED"})
    Reviewed review(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
            @Valid @RequestBody Review body) {
        return switch (records.review(user.subjectId(), code, body.rating(), body.text().trim())) {
            case TrainingRecords.Done d -> new Reviewed(code, body.rating());
            case TrainingRecords.Refused r -> throw new RefusedException(r.reason());
        };
    }

    /** R-63 the public answer about a certificate; the holder's name is masked. */
    record CertificateCheck(boolean valid, String number, String holderName, TrainingRef training,
            Training.Institution institution, Instant issuedAt) {
    }

    @GetMapping("/api/v1/certificates/{number}")
    @Operation(summary = "Verify a certificate by its number (public, R-63)")
    @Refuses(value = TrainingRefusal.class, codes = "CERTIFICATE_NOT_FOUND")
    CertificateCheck certificate(@PathVariable @Size(max = 64) String number) {
        var c = records.certificate(number).orElseThrow(() -> new RefusedException(TrainingRefusal.CERTIFICATE_NOT_FOUND));
        var training = catalog.training(c.trainingId()).orElseThrow();
        String holder = participants.find(c.participantId()).map(p -> Masking.name(p.fullName())).orElse("");
        return new CertificateCheck(true, number, holder, new TrainingRef(training.id(), training.title()),
                training.institution(), c.issuedAt());
    }
}
