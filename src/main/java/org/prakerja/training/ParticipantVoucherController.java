package org.prakerja.training;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.prakerja.access.CurrentUser;
import org.prakerja.catalog.Catalog;
import org.prakerja.common.Masking;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.prakerja.common.web.Problems;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notifications;
import org.prakerja.purchase.Vouchers;
import org.prakerja.registration.Participants;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
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

    @GetMapping("/api/v1/me/vouchers")
    @Operation(summary = "All my voucher codes with their state, certificate and review (R-81)")
    Paged<Map<String, Object>> mine(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var p = new PageRequest(page, size);
        var list = vouchers.of(user.subjectId(), (int) p.offset(), p.size());
        var byVoucher = records.records(list.stream().map(v -> v.purchaseId()).toList());
        var items = list.stream().map(v -> {
            var record = byVoucher.get(v.purchaseId());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("voucherCode", v.code());
            item.put("training", Map.of("id", v.trainingId(),
                    "title", catalog.training(v.trainingId()).map(t -> t.title()).orElse("")));
            item.put("platform", v.platformId());
            item.put("price", v.price());
            item.put("status", v.status());
            item.put("purchasedAt", v.purchasedAt());
            item.put("pretestScore", record == null ? null : record.pretestScore());
            item.put("certificate", record == null || record.certificateNumber() == null ? null
                    : Map.of("number", record.certificateNumber(), "url", record.certificateUrl(),
                            "issuedAt", record.certificateIssuedAt()));
            item.put("review", record == null || record.reviewRating() == null ? null
                    : Map.of("rating", record.reviewRating(), "text", record.reviewText(), "reviewedAt", record.reviewedAt()));
            return item;
        }).toList();
        return new Paged<>(items, page, size, vouchers.countOf(user.subjectId()));
    }

    @PostMapping("/api/v1/me/vouchers/{code}/resend")
    @Transactional
    @Operation(summary = "Send the voucher email again (R-81)", description = "Errors: 404 VOUCHER_NOT_FOUND")
    ResponseEntity<?> resend(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
        var voucher = vouchers.byCode(code).filter(v -> v.participantId().equals(user.subjectId()));
        if (voucher.isEmpty()) {
            return Problems.refused(TrainingRefusal.VOUCHER_NOT_FOUND);
        }
        String title = catalog.training(voucher.get().trainingId()).map(t -> t.title()).orElse(voucher.get().trainingId());
        notifications.send(Message.email(user.subjectId(), "email.voucher-resent", title, code).asSensitive());
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    record Review(@NotNull @Min(1) @Max(5) Integer rating, @NotBlank @Size(max = 2000) String text) {
    }

    @PostMapping("/api/v1/me/vouchers/{code}/review")
    @Operation(summary = "Rate and review a completed training (R-64)",
            description = "Errors: 400 VALIDATION_FAILED, 404 VOUCHER_NOT_FOUND, 409 CERTIFICATE_REQUIRED, 409 ALREADY_REVIEWED")
    ResponseEntity<?> review(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
            @Valid @RequestBody Review body) {
        var refused = records.review(user.subjectId(), code, body.rating(), body.text().trim());
        if (refused.isPresent()) {
            return Problems.refused(refused.get());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("voucherCode", code, "rating", body.rating()));
    }

    @GetMapping("/api/v1/certificates/{number}")
    @Operation(summary = "Verify a certificate by its number (public, R-63)", description = "Errors: 404 CERTIFICATE_NOT_FOUND")
    ResponseEntity<?> certificate(@PathVariable @Size(max = 64) String number) {
        return records.certificate(number).<ResponseEntity<?>>map(c -> {
            var training = catalog.training((String) c.get("trainingId")).orElseThrow();
            String holder = participants.find((java.util.UUID) c.get("participantId")).map(p -> Masking.name(p.fullName()))
                    .orElse("");
            return ResponseEntity.ok(Map.of("valid", true, "number", number, "holderName", holder,
                    "training", Map.of("id", training.id(), "title", training.title()),
                    "institution", training.institution(), "issuedAt", (Instant) c.get("issuedAt")));
        }).orElseGet(() -> Problems.of("CERTIFICATE_NOT_FOUND", "no certificate has that number"));
    }
}
