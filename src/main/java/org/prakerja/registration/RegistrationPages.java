package org.prakerja.registration;

import jakarta.annotation.Nullable;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.Masking;
import org.prakerja.login.PasswordPolicy;
import org.prakerja.web.FormErrors;
import org.prakerja.web.FormText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Registration in a browser: the form of POST /api/v1/registrations; the two codes
 * ({@link VerificationPage}) and the basic test ({@link BasicTestPage}) follow. The same services as
 * the API; a form that is wrong comes back with what was typed (never the password) and nothing is
 * stored.
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

    /** The inputs in the order of the form, so the summary reads from the top down; gender's is its first button. */
    private static final List<String> INPUTS = List.of("email", "phone", "password", "nik", "kkNumber", "fullName",
            "birthDate", "gender-M", "province", "city", "education", "employmentStatus");

    /**
     * The form as typed and stripped (the password as typed): text, so that a wrong date or choice is
     * shown back as it was. The shapes are those of the API's {@link RegistrationForm}; what needs more
     * than one field or the registry (the NIK against the birth date, the password's strength, the
     * province list) is checked once the form is whole.
     */
    record SignUp(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Pattern(regexp = "^(\\+62|62|0)8[0-9]{7,12}$") String phone,
            @Size(min = 8, max = 128) String password,
            @Pattern(regexp = "^[0-9]{16}$") String nik,
            @Pattern(regexp = "^[0-9]{16}$") String kkNumber,
            @NotBlank @Size(min = 2, max = 100) @Pattern(regexp = "^[\\p{L} .'-]+$") String fullName,
            @NotBlank String birthDate,
            @NotBlank String gender,
            @NotBlank @Size(max = 60) String province,
            @NotBlank @Size(max = 60) String city,
            @NotBlank String education,
            @NotBlank String employmentStatus,
            // a declaration is made only by its box's own value: anything else is no
            @BindParam("declarations.inSchool") String inSchool,
            @BindParam("declarations.civilServant") String civilServant,
            @BindParam("declarations.securityForces") String securityForces,
            @BindParam("declarations.villageOfficial") String villageOfficial,
            @BindParam("declarations.legislator") String legislator) {

        SignUp {
            email = FormText.of(email);
            phone = FormText.of(phone);
            password = password == null ? "" : password;
            nik = FormText.of(nik);
            kkNumber = FormText.of(kkNumber);
            fullName = FormText.of(fullName);
            birthDate = FormText.of(birthDate);
            gender = FormText.of(gender);
            province = FormText.of(province);
            city = FormText.of(city);
            education = FormText.of(education);
            employmentStatus = FormText.of(employmentStatus);
        }

        static SignUp empty() {
            return new SignUp(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }

        /** Whether the box of {@code declaration} (one of {@link #DECLARATIONS}) was ticked. */
        public boolean declared(String declaration) {
            return switch (declaration) {
                case "inSchool" -> "true".equals(inSchool);
                case "civilServant" -> "true".equals(civilServant);
                case "securityForces" -> "true".equals(securityForces);
                case "villageOfficial" -> "true".equals(villageOfficial);
                case "legislator" -> "true".equals(legislator);
                default -> false;
            };
        }

        /** Shown back without the password: the page never echoes one. */
        SignUp withoutPassword() {
            return new SignUp(email, phone, "", nik, kkNumber, fullName, birthDate, gender, province, city, education,
                    employmentStatus, inSchool, civilServant, securityForces, villageOfficial, legislator);
        }

        @Override
        public String toString() {
            return "SignUp[email=" + Masking.email(email) + ", password=****]";
        }

    }

    /** The registration page: the form as typed, what is wrong with it, and the choices it offers. */
    record RegisterView(SignUp typed, FormErrors errors) {
        public List<String> provinces() {
            return PROVINCES;
        }

        public Education[] educations() {
            return Education.values();
        }

        public EmploymentStatus[] employments() {
            return EmploymentStatus.values();
        }

        public List<String> declarations() {
            return DECLARATIONS;
        }
    }

    private final Registrations registrations;
    private final Validator validator;
    private final MessageSource messages;

    RegistrationPages(Registrations registrations, Validator validator, MessageSource messages) {
        this.registrations = registrations;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/register")
    String form(Model model) {
        return show(model, SignUp.empty(), new FormErrors());
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("signUp") SignUp typed, BindingResult shapes, Model model,
            HttpSession session, Locale language) {
        var errors = new FormErrors();
        var form = read(typed, shapes, errors, language);
        if (form == null) {
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

    /**
     * The typed form as the API's record, or null with the reasons in {@code errors}: a field's
     * shape, then its type, then the API record's own rules (a birth date in the past), then what
     * needs the registry or another field. Each input gets its first reason only.
     */
    @Nullable
    private RegistrationForm read(SignUp typed, BindingResult shapes, FormErrors errors, Locale language) {
        shapes.getFieldErrors().forEach(e -> wrong(e.getField(), errors, language));
        LocalDate birthDate = null;
        try {
            birthDate = typed.birthDate().isEmpty() ? null : LocalDate.parse(typed.birthDate());
        } catch (DateTimeParseException e) {
            wrong("birthDate", errors, language);
        }
        Gender gender = parse(Gender.class, typed.gender(), "gender", errors, language);
        Education education = parse(Education.class, typed.education(), "education", errors, language);
        EmploymentStatus employment = parse(EmploymentStatus.class, typed.employmentStatus(), "employmentStatus",
                errors, language);
        var declarations = new RegistrationForm.DeclarationsForm(typed.declared("inSchool"),
                typed.declared("civilServant"), typed.declared("securityForces"), typed.declared("villageOfficial"),
                typed.declared("legislator"));
        var form = new RegistrationForm(typed.email(), typed.phone(), typed.password(), typed.nik(), typed.kkNumber(),
                typed.fullName(), birthDate, gender, typed.province(), typed.city(), education, employment,
                declarations);
        validator.validate(form).forEach(v -> wrong(v.getPropertyPath().toString(), errors, language));
        if (!typed.province().isEmpty() && !PROVINCES.contains(typed.province())) {
            wrong("province", errors, language);
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

    /** The field's own message beside its input, unless the input already has one. */
    private void wrong(String field, FormErrors errors, Locale language) {
        if (!errors.has(inputOf(field))) {
            errors.add(inputOf(field), text("register.error." + field, language));
        }
    }

    @Nullable
    private <E extends Enum<E>> E parse(Class<E> type, String value, String field, FormErrors errors,
            Locale language) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            wrong(field, errors, language);
            return null;
        }
    }

    /** The input a field's message points to: a radio group's first button. */
    private static String inputOf(String field) {
        return field.equals("gender") ? "gender-M" : field;
    }

    /** The messages in the order of the form's inputs, so the summary reads from the top down. */
    private static FormErrors inFormOrder(FormErrors errors) {
        var sorted = new FormErrors();
        new ArrayList<>(errors.all()).stream()
                .sorted(Comparator.comparingInt(e -> INPUTS.indexOf(e.field()) < 0 ? 99 : INPUTS.indexOf(e.field())))
                .forEach(e -> sorted.add(e.field(), e.message()));
        return sorted;
    }

    private String show(Model model, SignUp typed, FormErrors errors) {
        model.addAttribute("view", new RegisterView(typed.withoutPassword(), inFormOrder(errors)));
        return "registration/register";
    }

    private String text(String key, Locale language, Object... args) {
        return messages.getMessage(key, args, language);
    }
}
