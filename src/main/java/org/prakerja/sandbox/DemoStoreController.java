package org.prakerja.sandbox;

import jakarta.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.prakerja.catalog.Catalog;
import org.prakerja.catalog.Platform;
import org.prakerja.common.Masking;
import org.prakerja.sandbox.DemoPartnerClient.Ok;
import org.prakerja.sandbox.DemoPartnerClient.Refused;
import org.prakerja.sandbox.PartnerAnswers.OtpIssued;
import org.prakerja.sandbox.PartnerAnswers.Purchase;
import org.prakerja.sandbox.PartnerAnswers.Purchased;
import org.prakerja.sandbox.PartnerAnswers.Refunded;
import org.prakerja.sandbox.PartnerAnswers.TrainingItem;
import org.prakerja.sandbox.PartnerAnswers.TrainingList;
import org.prakerja.web.FormErrors;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A demo digital platform (docs/portal.md "Sandbox only"): its trainings, a purchase with the card
 * number and the OTP from the phone, and a refund under its policy. It is
 * a client of the partner API like any platform, signed with its seeded secret; the service's
 * refusals come back as texts in the reader's language, the form shown again.
 *
 * <p>The card number travels only in form bodies (the OTP step keeps it as typed, in a hidden
 * field, because the purchase needs it again); the OTP is never shown back.
 */
@Controller
@Profile("sandbox")
@RequestMapping("/sandbox/store/{platformId}")
class DemoStoreController {

    /** Refusals about the card, shown beside the card number field. */
    private static final Set<String> ABOUT_THE_CARD = Set.of("CARD_NOT_FOUND", "CARD_NOT_ACTIVE", "OTP_LOCKED");
    /** Refusals about the code, shown beside the OTP field. */
    private static final Set<String> ABOUT_THE_CODE = Set.of("OTP_INVALID", "OTP_EXPIRED");

    private final DemoPartnerClient partnerApi;
    private final Catalog catalog;
    private final DemoTexts texts;

    DemoStoreController(DemoPartnerClient partnerApi, Catalog catalog, DemoTexts texts) {
        this.partnerApi = partnerApi;
        this.catalog = catalog;
        this.texts = texts;
    }

    // --- what goes over the wire; secrets masked in toString, so no log ever shows them whole

    record OtpBody(String cardNumber, String trainingId) {
        @Override
        public String toString() {
            return "OtpBody[card=" + Masking.lastFour(cardNumber) + ", training=" + trainingId + "]";
        }
    }

    record PurchaseBody(String cardNumber, UUID otpId, String otp, String trainingId) {
        @Override
        public String toString() {
            return "PurchaseBody[card=" + Masking.lastFour(cardNumber) + ", otp=******, training=" + trainingId + "]";
        }
    }

    record RefundBody(String reason) {
    }

    // --- what the forms send

    record CardForm(@Nullable String trainingId, @Nullable String cardNumber, @Nullable String externalId) {
        @Override
        public String toString() {
            return "CardForm[training=" + trainingId + "]";
        }
    }

    record PayForm(@Nullable String trainingId, @Nullable String cardNumber, @Nullable String otpId,
            @Nullable String expiresAt, @Nullable String phoneMasked, @Nullable String otp, @Nullable String externalId) {
        @Override
        public String toString() {
            return "PayForm[training=" + trainingId + "]";
        }
    }

    record RefundForm(@Nullable String reason, @Nullable String externalId) {
    }

    /** The OTP step as the page shows it: where the code went and until when it is valid. */
    record OtpStep(UUID otpId, Instant expiresAt, String phoneMasked, String cardLastFour) {
    }

    // --- what the pages show; externalId is the idempotency key the form sends back with its request

    /** The store's front: the platform and the trainings it sells. */
    record StoreView(Platform platform, List<TrainingItem> trainings) {
    }

    /** Step 1's page: the card number as typed, what is wrong with it, or the service's refusal. */
    record BuyView(Platform platform, TrainingItem training, String cardNumber, FormErrors errors,
            @Nullable String refusal, String externalId) {
    }

    /** Step 2's page: where the OTP went, and what is wrong with the code typed; asking again is a new request. */
    record OtpView(Platform platform, TrainingItem training, String cardNumber, OtpStep step, FormErrors errors,
            @Nullable String refusal, String externalId, String resendExternalId) {
    }

    /** A purchase's page, with the refund form while the platform's policy allows one. */
    record PurchaseView(Platform platform, Purchase purchase, @Nullable TrainingItem training,
            @Nullable Instant refundUntil, boolean refundable, String reason, FormErrors errors,
            @Nullable String refusal, String externalId) {
    }

    @GetMapping
    String store(@PathVariable String platformId, Model model) {
        model.addAttribute("view", new StoreView(platform(platformId), trainings(platformId)));
        return "sandbox/store";
    }

    @GetMapping("/trainings/{trainingId}")
    String training(@PathVariable String platformId, @PathVariable String trainingId, Model model) {
        return buyForm(model, platform(platformId), training(platformId, trainingId), "", new FormErrors(), null,
                DemoTexts.freshKey());
    }

    /** Step 1: the card number; the service sends the OTP to the card holder's phone. */
    @PostMapping("/otp")
    String sendOtp(@PathVariable String platformId, @ModelAttribute CardForm form, Model model) {
        var platform = platform(platformId);
        var training = training(platformId, form.trainingId());
        String typed = form.cardNumber() == null ? "" : form.cardNumber().strip();
        String card = digitsOf(typed);
        String key = DemoTexts.keyOf(form.externalId());
        var errors = new FormErrors();
        if (!card.matches("^[0-9]{16}$")) {
            errors.add("cardNumber", texts.text("sandbox.store.card-number-invalid"));
            return buyForm(model, platform, training, typed, errors, null, key);
        }
        return switch (partnerApi.post(platformId, "/otp", new OtpBody(card, training.id()), key, OtpIssued.class)) {
            case Ok<OtpIssued> issued -> otpStep(model, platform, training, typed,
                    new OtpStep(issued.value().otpId(), issued.value().expiresAt(), issued.value().phoneMasked(),
                            Masking.lastFour(card)),
                    new FormErrors(), null, DemoTexts.freshKey());
            case Refused<OtpIssued> refused -> {
                // the next try is another request: a new key
                if (ABOUT_THE_CARD.contains(refused.code())) {
                    errors.add("cardNumber", texts.refusal(refused.code()));
                    yield buyForm(model, platform, training, typed, errors, null, DemoTexts.freshKey());
                }
                yield buyForm(model, platform, training, typed, errors, texts.refusal(refused.code()), DemoTexts.freshKey());
            }
        };
    }

    /** Step 2: the OTP from the SMS; the purchase reserves the price and issues the voucher code. */
    @PostMapping("/purchases")
    String buy(@PathVariable String platformId, @ModelAttribute PayForm form, Model model,
            RedirectAttributes redirect) {
        var platform = platform(platformId);
        var training = training(platformId, form.trainingId());
        String typed = form.cardNumber() == null ? "" : form.cardNumber().strip();
        String card = digitsOf(typed);
        if (!card.matches("^[0-9]{16}$")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        var step = new OtpStep(uuid(form.otpId()), instant(form.expiresAt()),
                form.phoneMasked() == null ? "" : form.phoneMasked(), Masking.lastFour(card));
        String otp = form.otp() == null ? "" : form.otp().strip();
        String key = DemoTexts.keyOf(form.externalId());
        var errors = new FormErrors();
        if (!otp.matches("^[0-9]{6}$")) {
            errors.add("otp", texts.text("sandbox.store.otp-invalid"));
            return otpStep(model, platform, training, typed, step, errors, null, key);
        }
        var body = new PurchaseBody(card, step.otpId(), otp, training.id());
        return switch (partnerApi.post(platformId, "/purchases", body, key, Purchased.class)) {
            case Ok<Purchased> bought -> {
                redirect.addFlashAttribute("bought", Boolean.TRUE);
                redirect.addFlashAttribute("remainingBalance", bought.value().remainingBalance());
                yield "redirect:/sandbox/store/" + platform.id() + "/purchases/" + bought.value().purchaseId();
            }
            case Refused<Purchased> refused -> {
                if (ABOUT_THE_CODE.contains(refused.code())) {
                    errors.add("otp", texts.refusal(refused.code()));
                    yield otpStep(model, platform, training, typed, step, errors, null, DemoTexts.freshKey());
                }
                yield otpStep(model, platform, training, typed, step, errors, texts.refusal(refused.code()),
                        DemoTexts.freshKey());
            }
        };
    }

    @GetMapping("/purchases/{purchaseId}")
    String purchase(@PathVariable String platformId, @PathVariable UUID purchaseId, Model model) {
        return purchasePage(model, platform(platformId), purchaseId, "", new FormErrors(), null, DemoTexts.freshKey());
    }

    @PostMapping("/purchases/{purchaseId}/refund")
    String refund(@PathVariable String platformId, @PathVariable UUID purchaseId, @ModelAttribute RefundForm form,
            Model model, RedirectAttributes redirect) {
        var platform = platform(platformId);
        String reason = form.reason() == null ? "" : form.reason().strip();
        String key = DemoTexts.keyOf(form.externalId());
        var errors = new FormErrors();
        if (reason.isEmpty() || reason.length() > 500) {
            errors.add("reason", texts.text("sandbox.store.reason-required"));
            return purchasePage(model, platform, purchaseId, reason, errors, null, key);
        }
        return switch (partnerApi.post(platformId, "/purchases/" + purchaseId + "/refund", new RefundBody(reason), key,
                Refunded.class)) {
            case Ok<Refunded> refunded -> {
                redirect.addFlashAttribute("refundedAmount", refunded.value().refundedAmount());
                redirect.addFlashAttribute("remainingBalance", refunded.value().remainingBalance());
                yield "redirect:/sandbox/store/" + platform.id() + "/purchases/" + purchaseId;
            }
            case Refused<Refunded> refused -> purchasePage(model, platform, purchaseId, reason, errors,
                    texts.refusal(refused.code()), DemoTexts.freshKey());
        };
    }

    // --- pages

    private String buyForm(Model model, Platform platform, TrainingItem training, String cardNumber, FormErrors errors,
            @Nullable String refusal, String key) {
        model.addAttribute("view", new BuyView(platform, training, cardNumber, errors, refusal, key));
        return "sandbox/store-buy";
    }

    private String otpStep(Model model, Platform platform, TrainingItem training, String cardNumber, OtpStep step,
            FormErrors errors, @Nullable String refusal, String key) {
        model.addAttribute("view", new OtpView(platform, training, cardNumber, step, errors, refusal, key,
                DemoTexts.freshKey()));
        return "sandbox/store-otp";
    }

    private String purchasePage(Model model, Platform platform, UUID purchaseId, String reason, FormErrors errors,
            @Nullable String refusal, String key) {
        var purchase = switch (partnerApi.get(platform.id(), "/purchases/" + purchaseId, Purchase.class)) {
            case Ok<Purchase> found -> found.value();
            case Refused<Purchase> refused -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        var training = trainings(platform.id()).stream().filter(t -> t.id().equals(purchase.trainingId())).findFirst()
                .orElse(null);
        model.addAttribute("view", new PurchaseView(platform, purchase, training, platform.refundAllowed()
                ? purchase.purchasedAt().plus(Duration.ofDays(platform.refundDays())) : null,
                platform.refundAllowed() && purchase.status().equals("PURCHASED"), reason, errors, refusal, key));
        return "sandbox/store-purchase";
    }

    // --- look-ups

    private Platform platform(String platformId) {
        return catalog.platform(platformId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private List<TrainingItem> trainings(String platformId) {
        return switch (partnerApi.get(platformId, "/trainings", TrainingList.class)) {
            case Ok<TrainingList> list -> list.value().items();
            case Refused<TrainingList> refused -> throw new IllegalStateException("trainings refused: " + refused.code());
        };
    }

    private TrainingItem training(String platformId, @Nullable String trainingId) {
        return trainings(platformId).stream().filter(t -> t.id().equals(trainingId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A card number as people type it, in groups with spaces or dashes. */
    private static String digitsOf(String typed) {
        return typed.replaceAll("[\\s-]", "");
    }

    private static UUID uuid(@Nullable String value) {
        try {
            return UUID.fromString(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    private static Instant instant(@Nullable String value) {
        try {
            return Instant.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }
}
