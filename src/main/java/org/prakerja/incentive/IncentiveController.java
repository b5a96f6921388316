package org.prakerja.incentive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.prakerja.login.CurrentUser;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** R-71 the payout account, R-74 the incentive's state, R-73 the surveys: the participant's side. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Participant: incentives")
class IncentiveController {

    private final PayoutAccounts accounts;
    private final Incentives incentives;
    private final Surveys surveys;

    IncentiveController(PayoutAccounts accounts, Incentives incentives, Surveys surveys) {
        this.accounts = accounts;
        this.incentives = incentives;
        this.surveys = surveys;
    }

    record NewPayoutAccount(@NotNull PayoutProvider provider, @NotBlank @Size(max = 20) String accountNumber) {
        @Override
        public String toString() {
            return "NewPayoutAccount[" + provider + "]";
        }
    }

    @PutMapping("/payout-account")
    @Operation(summary = "Link or change the payout account (R-71)",
            description = "An e-wallet (GOPAY, OVO, DANA, LINKAJA, SHOPEEPAY) on the registered phone, or a bank "
                    + "account (BNI, BCA); the provider's holder name must be the registered full name.")
    @Refuses(value = IncentiveRefusal.class, codes = {"HOLDER_NAME_MISMATCH", "PHONE_MISMATCH",
        "PAYOUT_ACCOUNT_NOT_FOUND", "PAYOUT_IN_PROGRESS"})
    PayoutAccount.View link(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewPayoutAccount body) {
        return switch (accounts.link(user.subjectId(), body.provider(), body.accountNumber())) {
            case PayoutAccounts.Linking.Linked l -> l.account().view();
            case PayoutAccounts.Linking.Refused r -> throw new RefusedException(r.reason());
        };
    }

    @GetMapping("/payout-account")
    @Operation(summary = "The linked payout account, its number masked")
    @Refuses(value = NoPayoutAccount.class)
    PayoutAccount.View account(@AuthenticationPrincipal CurrentUser user) {
        return accounts.find(user.subjectId()).map(PayoutAccount::view)
                .orElseThrow(() -> new RefusedException(NoPayoutAccount.PAYOUT_ACCOUNT_NOT_FOUND));
    }

    @GetMapping("/incentives")
    @Operation(summary = "The incentive: what is missing, the instalments and the surveys (R-70, R-73, R-74)")
    Incentives.IncentivesView incentives(@AuthenticationPrincipal CurrentUser user) {
        return incentives.view(user.subjectId());
    }

    @GetMapping("/surveys/{seq}")
    @Operation(summary = "An open survey's questions (R-73)")
    @Refuses(value = IncentiveRefusal.class, codes = "SURVEY_NOT_OPEN")
    Surveys.SurveyForm survey(@AuthenticationPrincipal CurrentUser user, @PathVariable @Min(1) @Max(100) int seq,
            Locale language) {
        if (surveys.openable(user.subjectId(), seq) instanceof Surveys.SurveyResult.Refused r) {
            throw new RefusedException(r.reason());
        }
        return surveys.form(seq, language);
    }

    record SurveyAnswers(@NotNull @Size(min = 1, max = 20) List<@Valid @NotNull AnswerBody> answers) {
    }

    record AnswerBody(@NotBlank @Size(max = 40) String questionId, @NotBlank @Size(max = 40) String optionId) {
    }

    /** A survey answered. */
    record Answered(int seq, Incentives.SurveyStatus status) {
    }

    @PostMapping("/surveys/{seq}")
    @Operation(summary = "Answer a survey, once; its incentive is then due (R-73)")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(value = IncentiveRefusal.class, codes = {"SURVEY_NOT_OPEN", "ALREADY_ANSWERED"})
    Answered answer(@AuthenticationPrincipal CurrentUser user, @PathVariable @Min(1) @Max(100) int seq,
            @Valid @RequestBody SurveyAnswers body) {
        return switch (surveys.answer(user.subjectId(), seq,
                body.answers().stream().map(a -> new Surveys.Answer(a.questionId(), a.optionId())).toList())) {
            case Surveys.SurveyResult.Done d -> new Answered(d.seq(), Incentives.SurveyStatus.ANSWERED);
            case Surveys.SurveyResult.Refused r -> throw new RefusedException(r.reason());
        };
    }
}
