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
import org.prakerja.partner.Partner;
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

/** docs/api.md section 3, platform endpoints. Every request is signed; every POST idempotent. */
@RestController
@RequestMapping("/partner/v1")
@Tag(name = "Partner: digital platforms",
        description = "Signed with X-Partner-Id, X-Timestamp, X-Signature; POSTs need X-External-Id.")
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
    @Operation(summary = "Send an OTP to the card holder (R-50)")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(value = PurchaseRefusal.class, codes = {"CARD_NOT_FOUND", "CARD_NOT_ACTIVE", "TRAINING_NOT_FOUND",
            "TRAINING_NOT_SOLD_HERE", "OTP_LOCKED", "RATE_LIMITED"})
    OtpChallenges.Issued otp(HttpServletRequest request, @Valid @RequestBody OtpRequest body) {
        return switch (otps.request(Partner.of(request).id(), body.cardNumber(), body.trainingId())) {
            case OtpChallenges.Issued issued -> issued;
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
    @Operation(summary = "Buy a training with the card balance (R-51, R-52)")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(value = PurchaseRefusal.class, codes = {"CARD_NOT_FOUND", "CARD_NOT_ACTIVE", "OTP_INVALID", "OTP_EXPIRED",
            "OTP_LOCKED", "TRAINING_NOT_FOUND", "TRAINING_NOT_SOLD_HERE", "INSUFFICIENT_BALANCE"})
    Purchases.Purchased purchase(HttpServletRequest request, @Valid @RequestBody PurchaseRequest body) {
        return switch (purchases.buy(Partner.of(request).id(), body.cardNumber(), body.otpId(), body.otp(), body.trainingId())) {
            case Purchases.Purchased p -> p;
            case Purchases.Refused r -> throw new RefusedException(r.reason());
        };
    }

    @GetMapping("/purchases/{purchaseId}")
    @Operation(summary = "A purchase of this platform")
    @Refuses(value = PurchaseRefusal.class, codes = "VOUCHER_NOT_FOUND")
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
    @Operation(summary = "Refund an unredeemed purchase per the platform's policy (R-53)")
    @Refuses(value = PurchaseRefusal.class, codes = {"VOUCHER_NOT_FOUND", "VOUCHER_ALREADY_REDEEMED", "REFUND_NOT_ALLOWED"})
    Purchases.Refunded refund(HttpServletRequest request, @PathVariable UUID purchaseId,
            @Valid @RequestBody RefundRequest body) {
        return switch (purchases.refund(Partner.of(request).id(), purchaseId, body.reason())) {
            case Purchases.Refunded r -> r;
            case Purchases.Refused r -> throw new RefusedException(r.reason());
        };
    }
}
