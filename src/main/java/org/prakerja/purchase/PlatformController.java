package org.prakerja.purchase;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.prakerja.catalog.Catalog;
import org.prakerja.catalog.Training;
import org.prakerja.common.Masking;
import org.prakerja.common.Paged;
import org.prakerja.common.web.RefusedException;
import org.prakerja.partner.Partner;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API.md section 3, platform endpoints. Every request is signed; every POST idempotent. */
@RestController
@RequestMapping("/partner/v1")
@Tag(name = "Partner: digital platforms",
        description = "Signed with X-Partner-Id, X-Timestamp, X-Signature; POSTs need X-External-Id. "
                + "Errors on every call: 401 SIGNATURE_INVALID, 401 TIMESTAMP_OUT_OF_WINDOW, 403 WRONG_PARTNER_ROLE, "
                + "422 IDEMPOTENCY_KEY_REUSED, 400 VALIDATION_FAILED")
class PlatformController {

    private final Catalog catalog;
    private final OtpChallenges otps;
    private final Purchases purchases;

    PlatformController(Catalog catalog, OtpChallenges otps, Purchases purchases) {
        this.catalog = catalog;
        this.otps = otps;
        this.purchases = purchases;
    }

    @GetMapping("/trainings")
    @Operation(summary = "The trainings this platform sells")
    Paged<Training> trainings(HttpServletRequest request) {
        List<Training> items = catalog.soldByPlatform(Partner.of(request).id());
        return new Paged<>(items, 0, items.size(), items.size());
    }

    record OtpRequest(@NotNull @Pattern(regexp = "^[0-9]{16}$", message = "must be 16 digits") String cardNumber,
            @NotBlank @Size(max = 64) String trainingId) {
        @Override
        public String toString() {
            return "OtpRequest[card=" + Masking.lastFour(cardNumber) + ", training=" + trainingId + "]";
        }
    }

    @PostMapping("/otp")
    @Operation(summary = "Send an OTP to the card holder (R-50)",
            description = "Errors: 404 CARD_NOT_FOUND, 409 CARD_NOT_ACTIVE, 404 TRAINING_NOT_FOUND, 409 TRAINING_NOT_SOLD_HERE, "
                    + "429 OTP_LOCKED, 429 RATE_LIMITED")
    ResponseEntity<OtpChallenges.Issued> otp(HttpServletRequest request, @Valid @RequestBody OtpRequest body) {
        return switch (otps.request(Partner.of(request).id(), body.cardNumber(), body.trainingId())) {
            case OtpChallenges.Issued issued -> ResponseEntity.status(HttpStatus.CREATED).body(issued);
            case OtpChallenges.Refused refused -> throw new RefusedException(refused.reason());
        };
    }

    record PurchaseRequest(@NotNull @Pattern(regexp = "^[0-9]{16}$", message = "must be 16 digits") String cardNumber,
            @NotNull UUID otpId, @NotNull @Pattern(regexp = "^[0-9]{6}$", message = "must be 6 digits") String otp,
            @NotBlank @Size(max = 64) String trainingId) {
        @Override
        public String toString() {
            return "PurchaseRequest[card=" + Masking.lastFour(cardNumber) + ", otp=******, training=" + trainingId + "]";
        }
    }

    @PostMapping("/purchases")
    @Operation(summary = "Buy a training with the card balance (R-51, R-52)",
            description = "Errors: 404 CARD_NOT_FOUND, 409 CARD_NOT_ACTIVE, 401 OTP_INVALID, 409 OTP_EXPIRED, 429 OTP_LOCKED, "
                    + "404 TRAINING_NOT_FOUND, 409 TRAINING_NOT_SOLD_HERE, 409 INSUFFICIENT_BALANCE")
    ResponseEntity<Purchases.Purchased> purchase(HttpServletRequest request, @Valid @RequestBody PurchaseRequest body) {
        return switch (purchases.buy(Partner.of(request).id(), body.cardNumber(), body.otpId(), body.otp(), body.trainingId())) {
            case Purchases.Purchased p -> ResponseEntity.status(HttpStatus.CREATED).body(p);
            case Purchases.Refused r -> throw new RefusedException(r.reason());
        };
    }

    @GetMapping("/purchases/{purchaseId}")
    @Operation(summary = "A purchase of this platform", description = "Errors: 404 VOUCHER_NOT_FOUND")
    PurchaseView purchase(HttpServletRequest request, @PathVariable UUID purchaseId) {
        return purchases.find(Partner.of(request).id(), purchaseId).map(PurchaseView::of)
                .orElseThrow(() -> new RefusedException(PurchaseRefusal.VOUCHER_NOT_FOUND));
    }

    /** A purchase as its platform sees it. */
    record PurchaseView(UUID purchaseId, String voucherCode, VoucherStatus status, long price, Instant purchasedAt,
            String trainingId) {

        static PurchaseView of(Voucher v) {
            return new PurchaseView(v.purchaseId(), v.code(), v.status(), v.price(), v.purchasedAt(), v.trainingId());
        }
    }

    record RefundRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/purchases/{purchaseId}/refund")
    @Operation(summary = "Refund an unredeemed purchase per the platform's policy (R-53)",
            description = "Errors: 404 VOUCHER_NOT_FOUND, 409 VOUCHER_ALREADY_REDEEMED, 409 REFUND_NOT_ALLOWED")
    Purchases.Refunded refund(HttpServletRequest request, @PathVariable UUID purchaseId,
            @Valid @RequestBody RefundRequest body) {
        return switch (purchases.refund(Partner.of(request).id(), purchaseId, body.reason())) {
            case Purchases.Refunded r -> r;
            case Purchases.Refused r -> throw new RefusedException(r.reason());
        };
    }
}
