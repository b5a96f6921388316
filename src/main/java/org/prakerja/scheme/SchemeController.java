package org.prakerja.scheme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.prakerja.audit.Accountable;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** R-25 the schemes, for every operator to read and for an ADMIN to add to (never to change). */
@RestController
@RequestMapping("/api/v1/ops/schemes")
@Tag(name = "Operator: schemes")
class SchemeController {

    private final Schemes schemes;

    SchemeController(Schemes schemes) {
        this.schemes = schemes;
    }

    @GetMapping
    @Operation(summary = "Every scheme (R-25), oldest first")
    List<Scheme> all() {
        return schemes.all();
    }

    record NewScheme(@NotNull @Size(max = 40) String name, @NotNull @Max(1_000_000_000L) Long trainingBalance,
            @NotNull @Max(1_000_000_000L) Long incentiveAmount, @NotNull @Max(1000) Integer incentiveCount,
            @NotNull @Max(3660) Integer incentiveIntervalDays, @NotNull @Max(1_000_000_000L) Long surveyAmount,
            @NotNull @Max(1000) Integer surveyCount, @NotNull @Max(3660) Integer firstPurchaseDays,
            @NotNull @Max(150) Integer minAge, @Nullable @Max(150) Integer maxAge) {
    }

    @PostMapping
    @Operation(summary = "Add a scheme (ADMIN; R-25)", description = "A scheme never changes once created.")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(value = SchemeRefusal.class, codes = "SCHEME_EXISTS")
    Scheme create(@Valid @RequestBody NewScheme body, @AuthenticationPrincipal Accountable admin) {
        var scheme = new Scheme(body.name(), body.trainingBalance(), body.incentiveAmount(), body.incentiveCount(),
                body.incentiveIntervalDays(), body.surveyAmount(), body.surveyCount(), body.firstPurchaseDays(),
                body.minAge(), body.maxAge());
        return switch (schemes.create(scheme, admin.asActor())) {
            case Schemes.Creation.Created c -> c.scheme();
            case Schemes.Creation.Refused r -> throw new RefusedException(r.reason());
        };
    }
}
