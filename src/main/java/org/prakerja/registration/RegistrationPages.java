package org.prakerja.registration;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.Masking;
import org.prakerja.login.CurrentUser;
import org.prakerja.login.PasswordPolicy;
import org.prakerja.login.Role;
import org.prakerja.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registration in a browser: the form of POST /api/v1/registrations, then the two codes, then the
 * basic test. The same services as the API; a form that is wrong comes back with what was typed
 * (never the password or a code) and nothing is stored.
 */
@Controller
class RegistrationPages {

    /** The registration the codes belong to, kept in the session between the form and the codes. */
    static final String PENDING = "registration.pending";

    static final List<String> DECLARATIONS = List.of("inSchool", "civilServant", "securityForces", "villageOfficial",
            "legislator");

    /**
     * The 38 provinces as the civil registry names them: proper names, the same in every language, so
     * data and not text for the bundles.
     */
    static final List<String> PROVINCES = List.of("Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau",
            "Jambi", "Sumatera Selatan", "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta", "Jawa Barat",
            "Banten", "Jawa Tengah", "DI Yogyakarta", "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur",
            "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara",
            "Sulawesi Utara", "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara",
            "Maluku", "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Selatan", "Papua Tengah",
            "Papua Pegunungan");

    private static final List<String> FIELDS = List.of("email", "phone", "password", "nik", "kkNumber", "fullName",
            "birthDate", "gender", "province", "city", "education", "employmentStatus");

    private final Registrations registrations;
    private final Participants participants;
    private final BasicTest basicTest;
    private final VerificationCodes codes;
    private final Validator validator;
    private final MessageSource messages;

    RegistrationPages(Registrations registrations, Participants participants, BasicTest basicTest,
            VerificationCodes codes, Validator validator, MessageSource messages) {
        this.codes = codes;
        this.registrations = registrations;
        this.participants = participants;
        this.basicTest = basicTest;
        this.validator = validator;
        this.messages = messages;
    }

    // --- the registration form

    @GetMapping("/register")
    String form(Model model) {
        return show(model, new LinkedHashMap<>(), new FormErrors());
    }

    @PostMapping("/register")
    String register(@RequestParam MultiValueMap<String, String> params, Model model, HttpSession session, Locale language) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String v = params.getFirst(f);
            typed.put(f, v == null ? "" : v.strip());
        }
        typed.put("password", params.getFirst("password") == null ? "" : params.getFirst("password"));
        for (String d : DECLARATIONS) {
            typed.put("declarations." + d, String.valueOf("true".equals(params.getFirst("declarations." + d))));
        }
        var errors = new FormErrors();
        var form = read(typed, errors, language);
        if (form == null || errors.any()) {
            return show(model, typed, errors);
        }
        RegistrationResult result;
        try {
            result = registrations.register(form);
        } catch (InvalidInput e) {
            // both checked above; here only if the rules tighten without this page
            errors.add(e.field(), text("register.error." + e.field(), language));
            return show(model, typed, errors);
        }
        return switch (result) {
            case RegistrationResult.Registered r -> {
                session.setAttribute(PENDING, r.participantId());
                yield "redirect:/register/verify";
            }
            case RegistrationResult.Refused r -> {
                String field = switch (r.reason()) {
                    case EMAIL_ALREADY_REGISTERED -> "email";
                    case PHONE_ALREADY_REGISTERED -> "phone";
                    case IDENTITY_NOT_VERIFIED -> "fullName";
                    default -> "nik";
                };
                errors.add(field, text("register.refused." + r.reason().name(), language));
                yield show(model, typed, errors);
            }
        };
    }

    /** The typed form as the API's record, or null with the reasons in {@code errors}. */
    private RegistrationForm read(Map<String, String> typed, FormErrors errors, Locale language) {
        LocalDate birthDate = null;
        try {
            birthDate = typed.get("birthDate").isEmpty() ? null : LocalDate.parse(typed.get("birthDate"));
        } catch (DateTimeParseException e) {
            errors.add("birthDate", text("register.error.birthDate", language));
        }
        Gender gender = parse(Gender.class, typed.get("gender"), "gender", errors, language);
        Education education = parse(Education.class, typed.get("education"), "education", errors, language);
        EmploymentStatus employment = parse(EmploymentStatus.class, typed.get("employmentStatus"), "employmentStatus",
                errors, language);
        var declarations = new RegistrationForm.DeclarationsForm(
                Boolean.valueOf(typed.get("declarations.inSchool")), Boolean.valueOf(typed.get("declarations.civilServant")),
                Boolean.valueOf(typed.get("declarations.securityForces")),
                Boolean.valueOf(typed.get("declarations.villageOfficial")),
                Boolean.valueOf(typed.get("declarations.legislator")));
        var form = new RegistrationForm(typed.get("email"), typed.get("phone"), typed.get("password"), typed.get("nik"),
                typed.get("kkNumber"), typed.get("fullName"), birthDate, gender, typed.get("province"), typed.get("city"),
                education, employment, declarations);
        for (var violation : validator.validate(form)) {
            String field = violation.getPropertyPath().toString();
            if (!errors.has(inputOf(field))) {
                errors.add(inputOf(field), text("register.error." + field, language));
            }
        }
        if (!typed.get("province").isEmpty() && !PROVINCES.contains(typed.get("province")) && !errors.has("province")) {
            errors.add("province", text("register.error.province", language));
        }
        if (!errors.has("password")) {
            PasswordPolicy.weakness(form.password(), form.email())
                    .ifPresent(w -> errors.add("password", text("password.weak." + w.name(), language)));
        }
        if (!errors.has("nik")) {
            try {
                var nik = new Nik(form.nik());
                if (birthDate != null && gender != null && !nik.agreesWith(birthDate, gender)) {
                    errors.add("nik", text("register.error.nik-disagrees", language));
                }
            } catch (InvalidInput e) {
                errors.add("nik", text("register.error.nik", language));
            }
        }
        return errors.any() ? null : form;
    }

    /** The messages in the order of the form's fields, so the summary reads from the top down. */
    private static FormErrors inFormOrder(FormErrors errors) {
        var order = new java.util.ArrayList<String>(FIELDS);
        order.add(order.indexOf("gender") + 1, "gender-M");
        var sorted = new FormErrors();
        errors.all().stream()
                .sorted(java.util.Comparator.comparingInt(e -> order.indexOf(e.field()) < 0 ? 99 : order.indexOf(e.field())))
                .forEach(e -> sorted.add(e.field(), e.message()));
        return sorted;
    }

    private <E extends Enum<E>> E parse(Class<E> type, String value, String field, FormErrors errors, Locale language) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(inputOf(field), text("register.error." + field, language));
            return null;
        }
    }

    /** The input a field's message points to: a radio group's first button. */
    private static String inputOf(String field) {
        return field.equals("gender") ? "gender-M" : field;
    }

    private String show(Model model, Map<String, String> typed, FormErrors errors) {
        typed.remove("password");
        model.addAttribute("typed", typed);
        model.addAttribute("errors", inFormOrder(errors));
        model.addAttribute("provinces", PROVINCES);
        model.addAttribute("educations", Education.values());
        model.addAttribute("employments", EmploymentStatus.values());
        model.addAttribute("declarations", DECLARATIONS);
        return "registration/register";
    }

    // --- the two codes

    /** Whose codes: the registration just made in this session, or the signed-in participant's. */
    private static UUID pending(HttpSession session, CurrentUser user) {
        if (user != null && user.role() == Role.PARTICIPANT) {
            return user.subjectId();
        }
        return session.getAttribute(PENDING) instanceof UUID id ? id : null;
    }

    @GetMapping("/register/verify")
    String verifyForm(HttpSession session, @AuthenticationPrincipal CurrentUser user, Model model) {
        UUID id = pending(session, user);
        if (id == null) {
            return "redirect:/register";
        }
        return showVerify(model, id, new FormErrors());
    }

    @PostMapping("/register/verify")
    String verify(@RequestParam(defaultValue = "") String emailCode, @RequestParam(defaultValue = "") String smsCode,
            HttpSession session, @AuthenticationPrincipal CurrentUser user, Model model, Locale language) {
        UUID id = pending(session, user);
        if (id == null) {
            return "redirect:/register";
        }
        var participant = participants.find(id).orElse(null);
        if (participant == null) {
            session.removeAttribute(PENDING);
            return "redirect:/register";
        }
        var errors = new FormErrors();
        String email = emailCode.strip();
        String sms = smsCode.strip();
        if (!participant.emailVerified() && !email.matches("[0-9]{6}")) {
            errors.add("emailCode", text("verify.error.format", language));
        }
        if (!participant.phoneVerified() && !sms.matches("[0-9]{6}")) {
            errors.add("smsCode", text("verify.error.format", language));
        }
        if (errors.any()) {
            return showVerify(model, id, errors);
        }
        if (!participant.emailVerified()) {
            check(id, VerificationCodes.Channel.EMAIL, email, "emailCode", errors, language);
        }
        if (!participant.phoneVerified()) {
            check(id, VerificationCodes.Channel.SMS, sms, "smsCode", errors, language);
        }
        if (errors.any()) {
            return showVerify(model, id, errors);
        }
        session.removeAttribute(PENDING);
        return user != null ? "redirect:/dashboard" : "redirect:/login?verified";
    }

    private void check(UUID id, VerificationCodes.Channel channel, String code, String field, FormErrors errors,
            Locale language) {
        if (registrations.verify(id, channel, code) instanceof VerificationResult.Refused r) {
            errors.add(field, text("verify.refused." + r.reason().name(), language));
        }
    }

    private String showVerify(Model model, UUID id, FormErrors errors) {
        var p = participants.find(id).orElseThrow();
        model.addAttribute("emailMasked", Masking.email(p.email()));
        model.addAttribute("phoneEnd", p.phone().substring(p.phone().length() - 4));
        model.addAttribute("minutes", codes.lifetime().toMinutes());
        model.addAttribute("emailVerified", p.emailVerified());
        model.addAttribute("phoneVerified", p.phoneVerified());
        model.addAttribute("errors", errors);
        return "registration/verify";
    }

    // --- the basic test

    @GetMapping("/basic-test")
    String test(@AuthenticationPrincipal CurrentUser user, Model model) {
        return showTest(model, user, Map.of(), new FormErrors());
    }

    @PostMapping("/basic-test")
    String answer(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes next, Locale language) {
        var errors = new FormErrors();
        var answers = new java.util.ArrayList<BasicTest.Answer>();
        Map<String, String> typed = new LinkedHashMap<>();
        for (var q : basicTest.questions()) {
            String given = params.get(q.id());
            boolean known = given != null && q.options().stream().anyMatch(o -> o.id().equals(given));
            if (known) {
                answers.add(new BasicTest.Answer(q.id(), given));
                typed.put(q.id(), given);
            } else {
                errors.add(q.id() + "-" + q.options().getFirst().id(), text("basic-test.error.unanswered", language,
                        basicTest.questions().indexOf(q) + 1));
            }
        }
        if (errors.any()) {
            return showTest(model, user, typed, errors);
        }
        var score = basicTest.take(user.subjectId(), answers);
        // the flash lives in the session store, serialized: plain values only
        next.addFlashAttribute("score", score.score());
        next.addFlashAttribute("scorePassed", score.passed());
        return "redirect:/basic-test";
    }

    private String showTest(Model model, CurrentUser user, Map<String, String> typed, FormErrors errors) {
        model.addAttribute("questions", basicTest.questions());
        model.addAttribute("passMark", basicTest.passMark());
        model.addAttribute("passed", participants.find(user.subjectId()).map(Participant::basicTestPassed).orElse(false));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "registration/basic-test";
    }

    private String text(String key, Locale language, Object... args) {
        return messages.getMessage(key, args, language);
    }
}
