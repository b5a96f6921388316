package org.prakerja.wave;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Locale;
import java.util.Map;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.prakerja.login.CurrentUser;
import org.prakerja.web.RefusedException;
import org.prakerja.web.Refuses;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/waves")
@Tag(name = "Participant: waves")
class WaveController {

    private final Waves waves;
    private final Applications applications;
    private final MessageSource messages;

    WaveController(Waves waves, Applications applications, MessageSource messages) {
        this.waves = waves;
        this.applications = applications;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Waves, newest first; the seed's hash from the start, the seed itself once closed (R-22)")
    Paged<Wave> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var p = new PageRequest(page, size);
        return new Paged<>(waves.list((int) p.offset(), p.size()), page, size, waves.count());
    }

    @PostMapping("/{number}/applications")
    @Operation(summary = "Join a wave (Gabung Gelombang, R-21)",
            description = "A NOT_ELIGIBLE problem says why in detail and reason.")
    @ResponseStatus(HttpStatus.CREATED)
    @Refuses(value = WaveRefusal.class, codes = {"WAVE_NOT_FOUND", "NOT_ELIGIBLE", "ALREADY_APPLIED", "WAVE_NOT_OPEN",
            "VERIFICATION_REQUIRED", "BASIC_TEST_REQUIRED"})
    Joined join(@AuthenticationPrincipal CurrentUser user, @PathVariable @Min(1) @Max(100_000) int number,
            Locale language) {
        return switch (applications.join(user.subjectId(), number)) {
            case JoinResult.Joined j -> new Joined(j.wave(), ApplicationStatus.PENDING);
            // the age and the family cap in the words come from the settings the rule itself reads
            case JoinResult.NotEligible ne -> throw new RefusedException(WaveRefusal.NOT_ELIGIBLE,
                    messages.getMessage("ineligibility." + ne.why().name(),
                            applications.ineligibilityArguments(number), language),
                    Map.of("reason", ne.why().name()));
            case JoinResult.Refused r -> throw new RefusedException(r.reason());
        };
    }


    /** A new application: its wave, PENDING until the announcement. */
    record Joined(int wave, ApplicationStatus status) {
    }
}
