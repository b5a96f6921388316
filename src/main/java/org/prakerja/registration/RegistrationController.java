package org.prakerja.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.prakerja.login.CurrentUser;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Participant: account")
class RegistrationController {

    private final Registrations registrations;
    private final BasicTest basicTest;

    RegistrationController(Registrations registrations, BasicTest basicTest) {
        this.registrations = registrations;
        this.basicTest = basicTest;
    }

    @PostMapping("/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register (R-10, R-11); codes go out by email and SMS",
            description = "A NIK that disagrees with birth date or gender is 400 VALIDATION_FAILED naming nik.")
    @Refuses(value = RegistrationRefusal.class, codes = {"EMAIL_ALREADY_REGISTERED", "PHONE_ALREADY_REGISTERED",
            "NIK_ALREADY_REGISTERED", "IDENTITY_NOT_VERIFIED"})
    NewParticipant register(@Valid @RequestBody RegistrationForm form) {
        return switch (registrations.register(form)) {
            case RegistrationResult.Registered r -> new NewParticipant(r.participantId());
            case RegistrationResult.Refused r -> throw new RefusedException(r.reason());
        };
    }

    record NewParticipant(UUID participantId) {
    }

    record VerificationForm(@NotNull VerificationCodes.Channel channel,
            @NotNull @Pattern(regexp = "^[0-9]{6}$", message = "must be 6 digits") String code) {
        @Override
        public String toString() {
            return "VerificationForm[channel=" + channel + ", code=******]";
        }
    }

    @PostMapping("/registrations/{participantId}/verifications")
    @Operation(summary = "Verify email or phone with the code sent (R-12)")
    @Refuses(value = RegistrationRefusal.class,
            codes = {"PARTICIPANT_NOT_FOUND", "CODE_INVALID", "CODE_EXPIRED", "CODE_LOCKED"})
    VerificationResult.Verified verify(@PathVariable UUID participantId, @Valid @RequestBody VerificationForm form) {
        return switch (registrations.verify(participantId, form.channel(), form.code())) {
            case VerificationResult.Verified v -> v;
            case VerificationResult.Refused r -> throw new RefusedException(r.reason());
        };
    }

    record BasicTestView(List<BasicTest.Question> questions, int passMark) {
    }

    @GetMapping("/basic-test")
    @Operation(summary = "The basic-ability test (R-14)")
    BasicTestView questions(Locale language) {
        return new BasicTestView(basicTest.questions(language), basicTest.passMark());
    }

    record AnswerForm(@NotNull @Size(max = 50) String questionId, @NotNull @Size(max = 50) String optionId) {
    }

    record BasicTestAnswers(@NotNull @Size(min = 1, max = 50) List<@Valid @NotNull AnswerForm> answers) {
    }

    @PostMapping("/basic-test")
    @Operation(summary = "Answer the basic-ability test (R-14)")
    BasicTest.Score answer(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody BasicTestAnswers body) {
        return basicTest.take(user.subjectId(),
                body.answers().stream().map(a -> new BasicTest.Answer(a.questionId(), a.optionId())).toList());
    }
}
