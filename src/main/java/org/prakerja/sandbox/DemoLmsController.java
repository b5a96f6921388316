package org.prakerja.sandbox;

import jakarta.annotation.Nullable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.prakerja.catalog.Catalog;
import org.prakerja.catalog.Platform;
import org.prakerja.catalog.Training;
import org.prakerja.partner.PartnerClients;
import org.prakerja.partner.PartnerRole;
import org.prakerja.sandbox.DemoPartnerClient.Ok;
import org.prakerja.sandbox.DemoPartnerClient.Refused;
import org.prakerja.sandbox.PartnerAnswers.Step;
import org.prakerja.sandbox.PartnerAnswers.Voucher;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A demo training institution (docs/portal.md "Sandbox only"): it redeems a voucher code,
 * records the pre-test and reports the completion with a certificate it numbers itself
 * . Like {@link DemoStoreController} it is a signed client of the partner API.
 */
@Controller
@Profile("sandbox")
@RequestMapping("/sandbox/lms/{institutionId}")
class DemoLmsController {

    /** What a voucher code may look like before it goes into a path: letters, digits and dashes. */
    private static final String CODE_FORM = "^[A-Z0-9-]{1,20}$";
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> ABOUT_THE_CODE = Set.of("VOUCHER_NOT_FOUND", "VOUCHER_NOT_YOURS",
            "VOUCHER_ALREADY_REDEEMED", "VOUCHER_REFUNDED");

    private final DemoPartnerClient partnerApi;
    private final PartnerClients partners;
    private final Catalog catalog;
    private final DemoTexts texts;
    private final Clock clock;

    DemoLmsController(DemoPartnerClient partnerApi, PartnerClients partners, Catalog catalog, DemoTexts texts,
            Clock clock) {
        this.partnerApi = partnerApi;
        this.partners = partners;
        this.catalog = catalog;
        this.texts = texts;
        this.clock = clock;
    }

    /** An institution of the sandbox, by its partner id. */
    record Institution(String id, String name) {
    }

    record RedeemBody(String voucherCode) {
    }

    record PretestBody(int score) {
    }

    record CompletionBody(int postTestScore, String certificateNumber, String certificateUrl, OffsetDateTime issuedAt) {
    }

    record CodeForm(@Nullable String voucherCode, @Nullable String externalId) {
    }

    record ScoreForm(@Nullable String score, @Nullable String externalId) {
    }

    record CompletionForm(@Nullable String postTestScore, @Nullable String certificateNumber,
            @Nullable String issuedAt, @Nullable String externalId) {
    }

    /** The certificate the completion form will report: numbered and dated when the form is shown. */
    record Certificate(String number, String url, OffsetDateTime issuedAt) {
    }

    /**
     * The institution's front: its trainings, the redeem form and the look-up form, each as typed
     * with what is wrong with it. externalId is the idempotency key the redeem form sends back.
     */
    record HomeView(Institution institution, List<Training> trainings, Map<String, String> platformNames,
            String voucherCode, @Nullable String lookupCode, FormErrors errors, @Nullable String refusal,
            String externalId) {
    }

    /** A voucher's page: its steps, and the pre-test and completion forms with the certificate they will report. */
    record VoucherView(Institution institution, Voucher voucher, String trainingTitle, Certificate certificate,
            String score, String postTestScore, FormErrors errors, @Nullable String refusal, String externalId) {
    }

    @GetMapping
    String home(@PathVariable String institutionId, Model model) {
        return homePage(model, institution(institutionId), "", null, new FormErrors(), null);
    }

    @PostMapping("/redemptions")
    String redeem(@PathVariable String institutionId, @ModelAttribute CodeForm form, Model model,
            RedirectAttributes redirect) {
        var institution = institution(institutionId);
        String code = normalized(form.voucherCode());
        var errors = new FormErrors();
        if (!code.matches(CODE_FORM)) {
            errors.add("voucherCode", texts.text("sandbox.lms.voucher-invalid"));
            return homePage(model, institution, form.voucherCode() == null ? "" : form.voucherCode().strip(), null,
                    errors, null);
        }
        return switch (partnerApi.post(institution.id(), "/redemptions", new RedeemBody(code),
                DemoTexts.keyOf(form.externalId()), Voucher.class)) {
            case Ok<Voucher> redeemed -> {
                redirect.addFlashAttribute("done", texts.text("sandbox.lms.redeemed"));
                yield "redirect:/sandbox/lms/" + institution.id() + "/vouchers/" + redeemed.value().voucherCode();
            }
            case Refused<Voucher> refused -> {
                if (ABOUT_THE_CODE.contains(refused.code())) {
                    errors.add("voucherCode", texts.refusal(refused.code()));
                    yield homePage(model, institution, code, null, errors, null);
                }
                yield homePage(model, institution, code, null, errors, texts.refusal(refused.code()));
            }
        };
    }

    /** The look-up form's GET: to the voucher's own page. */
    @GetMapping("/vouchers")
    String lookUp(@PathVariable String institutionId, @RequestParam(name = "code", required = false) String code,
            Model model) {
        var institution = institution(institutionId);
        String normalized = normalized(code);
        if (!normalized.matches(CODE_FORM)) {
            var errors = new FormErrors().add("code", texts.text("sandbox.lms.voucher-invalid"));
            return homePage(model, institution, "", code == null ? "" : code.strip(), errors, null);
        }
        return "redirect:/sandbox/lms/" + institution.id() + "/vouchers/" + normalized;
    }

    @GetMapping("/vouchers/{code}")
    String voucher(@PathVariable String institutionId, @PathVariable String code, Model model) {
        var institution = institution(institutionId);
        String normalized = normalized(code);
        if (!normalized.matches(CODE_FORM)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return voucherPage(model, institution, normalized, new FormErrors(), null, "", "");
    }

    @PostMapping("/vouchers/{code}/pretest")
    String pretest(@PathVariable String institutionId, @PathVariable String code, @ModelAttribute ScoreForm form,
            Model model, RedirectAttributes redirect) {
        var institution = institution(institutionId);
        String voucherCode = checked(code);
        Integer score = score(form.score());
        if (score == null) {
            var errors = new FormErrors().add("score", texts.text("sandbox.lms.score-invalid"));
            return voucherPage(model, institution, voucherCode, errors, null, form.score(), "");
        }
        return switch (partnerApi.post(institution.id(), "/vouchers/" + voucherCode + "/pretest", new PretestBody(score),
                DemoTexts.keyOf(form.externalId()), Step.class)) {
            case Ok<Step> done -> {
                redirect.addFlashAttribute("done", texts.text("sandbox.lms.pretest-done"));
                yield "redirect:/sandbox/lms/" + institution.id() + "/vouchers/" + voucherCode;
            }
            case Refused<Step> refused -> voucherPage(model, institution, voucherCode, new FormErrors(),
                    texts.refusal(refused.code()), form.score(), "");
        };
    }

    @PostMapping("/vouchers/{code}/completion")
    String complete(@PathVariable String institutionId, @PathVariable String code, @ModelAttribute CompletionForm form,
            Model model, RedirectAttributes redirect) {
        var institution = institution(institutionId);
        String voucherCode = checked(code);
        var certificate = certificate(institution, form.certificateNumber(), form.issuedAt());
        Integer score = score(form.postTestScore());
        if (score == null) {
            var errors = new FormErrors().add("postTestScore", texts.text("sandbox.lms.score-invalid"));
            return voucherPage(model, institution, voucherCode, errors, null, "", form.postTestScore());
        }
        var body = new CompletionBody(score, certificate.number(), certificate.url(), certificate.issuedAt());
        return switch (partnerApi.post(institution.id(), "/vouchers/" + voucherCode + "/completion", body,
                DemoTexts.keyOf(form.externalId()), Step.class)) {
            case Ok<Step> done -> {
                redirect.addFlashAttribute("done", texts.text("sandbox.lms.completed", certificate.number()));
                redirect.addFlashAttribute("certificateNumber", certificate.number());
                redirect.addFlashAttribute("certificateUrl", certificate.url());
                yield "redirect:/sandbox/lms/" + institution.id() + "/vouchers/" + voucherCode;
            }
            case Refused<Step> refused -> voucherPage(model, institution, voucherCode, new FormErrors(),
                    texts.refusal(refused.code()), "", form.postTestScore());
        };
    }

    // --- pages

    private String homePage(Model model, Institution institution, String voucherCode, @Nullable String lookupCode,
            FormErrors errors, @Nullable String refusal) {
        model.addAttribute("view", new HomeView(institution, trainings(institution), catalog.platforms().stream()
                .collect(Collectors.toMap(Platform::id, Platform::name)), voucherCode, lookupCode, errors, refusal,
                DemoTexts.freshKey()));
        return "sandbox/lms";
    }

    private String voucherPage(Model model, Institution institution, String code, FormErrors errors,
            @Nullable String refusal, @Nullable String score, @Nullable String postTestScore) {
        Voucher voucher;
        switch (partnerApi.get(institution.id(), "/vouchers/" + code, Voucher.class)) {
            case Ok<Voucher> found -> voucher = found.value();
            case Refused<Voucher> refused -> {
                // an unknown or foreign code: the look-up form again, saying why
                return homePage(model, institution, "", code,
                        new FormErrors().add("code", texts.refusal(refused.code())), null);
            }
        }
        model.addAttribute("view", new VoucherView(institution, voucher, catalog.training(voucher.trainingId())
                .map(Training::title).orElse(voucher.trainingId()), newCertificate(institution),
                score == null ? "" : score, postTestScore == null ? "" : postTestScore, errors, refusal,
                DemoTexts.freshKey()));
        return "sandbox/lms-voucher";
    }

    // --- look-ups and values

    private Institution institution(String institutionId) {
        return partners.all().stream()
                .filter(p -> p.role() == PartnerRole.INSTITUTION && p.partnerId().equals(institutionId))
                .map(p -> new Institution(p.partnerId(), p.name()))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private List<Training> trainings(Institution institution) {
        // the catalog lists by platform; an institution's trainings are sold on one or more of them
        return catalog.platforms().stream().flatMap(p -> catalog.soldByPlatform(p.id()).stream())
                .filter(t -> t.institution().id().equals(institution.id()))
                .collect(Collectors.toMap(Training::id, t -> t, (a, b) -> a, TreeMap::new))
                .values().stream().toList();
    }

    /**
     * The institution numbers its certificates: {@code SERT-LP-CAKAP-2026-7K3QD9XH} (no slash, so the
     * public check {@code GET /api/v1/certificates/{number}} takes it as it is), issued now by the
     * program's clock (the sandbox's test clock, like every date the rules read).
     */
    private Certificate newCertificate(Institution institution) {
        var issuedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(7)).withNano(0);
        var number = new StringBuilder("SERT-").append(institution.id().toUpperCase(Locale.ROOT)).append('-')
                .append(issuedAt.getYear()).append('-');
        for (int i = 0; i < 8; i++) {
            number.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return new Certificate(number.toString(), urlOf(institution, number.toString()), issuedAt);
    }

    /** The certificate the form carried (so a resent form is the same request), or a new one. */
    private Certificate certificate(Institution institution, @Nullable String number, @Nullable String issuedAt) {
        if (number == null || !number.matches("^SERT-[A-Z0-9-]{1,40}-[0-9]{4}-[0-9A-Z]{8}$") || issuedAt == null) {
            return newCertificate(institution);
        }
        try {
            return new Certificate(number, urlOf(institution, number), OffsetDateTime.parse(issuedAt));
        } catch (DateTimeParseException e) {
            return newCertificate(institution);
        }
    }

    private static String urlOf(Institution institution, String number) {
        return "https://" + institution.id() + ".example/certificates/" + number;
    }

    private static String normalized(@Nullable String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    private static String checked(String code) {
        String normalized = normalized(code);
        if (!normalized.matches(CODE_FORM)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return normalized;
    }

    @Nullable
    private static Integer score(@Nullable String typed) {
        if (typed == null || !typed.strip().matches("^[0-9]{1,3}$")) {
            return null;
        }
        int score = Integer.parseInt(typed.strip());
        return score <= 100 ? score : null;
    }
}
