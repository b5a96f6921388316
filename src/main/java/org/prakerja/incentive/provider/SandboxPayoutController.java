package org.prakerja.incentive.provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.prakerja.incentive.PayoutAccounts;
import org.prakerja.incentive.PayoutProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * docs/api.md section 4: the payment provider's stand-in, driven by tests and demos. Sandbox only. Account
 * numbers are taken as a person types them and stored as the platform stores them ({@link #stored}), so a
 * failure set for {@code 08…} matches the payouts to that phone.
 */
@RestController
@Profile("sandbox")
@ConditionalOnProperty(name = "prakerja.adapters.payment", havingValue = "stand-in")
@RequestMapping("/sandbox")
@Tag(name = "Sandbox (demo and test only)")
class SandboxPayoutController {

    private final LocalPaymentProvider provider;

    SandboxPayoutController(LocalPaymentProvider provider) {
        this.provider = provider;
    }

    enum Mode { REJECT, TIMEOUT }

    /** {@code provider} optional: it only says how to read a number that could be a phone or a bank account. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Failure(@NotBlank @Size(max = 20) @Pattern(regexp = "^\\+?[0-9]{8,20}$") String accountNumber,
            @NotNull Mode mode, @NotNull @Min(0) @Max(1000) Integer times, @Nullable PayoutProvider provider) {
    }

    /**
     * An account number as the platform stores it (PayoutAccounts.normalized): with a provider, as that
     * provider's; without, a mobile number (08…, 628…, +628…) is an e-wallet's and stored as +62…, other
     * digits a bank account's. A number neither could be is 400, never a rule that matches nothing.
     */
    static String stored(@Nullable PayoutProvider provider, String accountNumber) {
        if (provider != null) {
            return PayoutAccounts.normalized(provider, accountNumber);
        }
        String n = accountNumber.strip();
        boolean phone = n.startsWith("+") || n.matches("^(08|628)[0-9]{7,12}$");
        return PayoutAccounts.normalized(phone ? PayoutProvider.OVO : PayoutProvider.BCA, n);
    }

    @PostMapping("/payouts/failures")
    @Operation(summary = "The stand-in provider refuses (REJECT) or pays and loses the answer of (TIMEOUT) "
            + "the next `times` payouts to an account")
    @ResponseStatus(HttpStatus.CREATED)
    Failure fail(@Valid @RequestBody Failure body) {
        var failure = new Failure(stored(body.provider(), body.accountNumber()), body.mode(), body.times(),
                body.provider());
        provider.failNext(failure.accountNumber(), failure.mode().name(), failure.times());
        return failure;
    }

    @DeleteMapping("/payouts/failures/{accountNumber}")
    @Operation(summary = "Clear the failures on demand of an account")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@PathVariable @Size(max = 20) String accountNumber) {
        provider.clearFailures(stored(null, accountNumber));
    }

    @GetMapping("/payouts")
    @Operation(summary = "What the stand-in provider actually paid, newest first (at most 10,000 without accountNumber)")
    List<LocalPaymentProvider.Payment> payments(
            @RequestParam(required = false) @Nullable @Size(max = 20) String accountNumber) {
        return provider.payments(Optional.ofNullable(accountNumber).map(n -> stored(null, n)), 10_000);
    }

    record DirectoryEntry(@NotNull PayoutProvider provider,
            @NotBlank @Size(max = 20) @Pattern(regexp = "^\\+?[0-9]{8,20}$") String accountNumber,
            @NotBlank @Size(max = 100) String holderName) {
    }

    @PostMapping("/payout-accounts")
    @Operation(summary = "An account in the stand-in provider's directory, with its holder's name")
    @ResponseStatus(HttpStatus.CREATED)
    DirectoryEntry list(@Valid @RequestBody DirectoryEntry body) {
        var entry = new DirectoryEntry(body.provider(), PayoutAccounts.normalized(body.provider(), body.accountNumber()),
                body.holderName());
        provider.list(entry.provider(), entry.accountNumber(), entry.holderName());
        return entry;
    }
}
