package org.prakerja.sandbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.prakerja.catalog.Catalog;
import org.prakerja.common.AdjustableClock;
import org.prakerja.partner.PartnerClients;
import org.prakerja.common.InvalidInput;
import org.prakerja.notification.Inbox;
import org.prakerja.notification.SentMessage;
import org.prakerja.registration.BasicTest;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** docs/api.md section 4. Exists only in the sandbox profile; elsewhere these paths are 404. */
@RestController
@Profile("sandbox")
@RequestMapping("/sandbox")
@Tag(name = "Sandbox (demo and test only)")
class SandboxController {

    private final AdjustableClock clock;
    private final Inbox inbox;
    private final BasicTest basicTest;
    private final SandboxSeed seed;
    private final PartnerClients partnerClients;
    private final Catalog catalog;

    SandboxController(AdjustableClock clock, Inbox inbox, BasicTest basicTest, SandboxSeed seed,
            PartnerClients partnerClients, Catalog catalog) {
        this.clock = clock;
        this.inbox = inbox;
        this.basicTest = basicTest;
        this.seed = seed;
        this.partnerClients = partnerClients;
        this.catalog = catalog;
    }

    @GetMapping("/inbox")
    @Operation(summary = "Messages sent to an email or phone, newest first")
    List<SentMessage> inbox(@RequestParam("to") @Size(max = 254) String to) {
        return inbox.to(recipient(to));
    }

    /** The address as messages are stored: a phone typed as 0812… is stored as +62812…. */
    static String recipient(String to) {
        String recipient = to.trim();
        if (recipient.matches("^08[0-9]{7,12}$")) {
            recipient = "+62" + recipient.substring(1);
        } else if (recipient.matches("^62[0-9]{8,13}$")) {
            recipient = "+" + recipient;
        }
        return recipient;
    }

    /** The test clock's time, which every rule reads. */
    record Now(OffsetDateTime now) {
    }

    @GetMapping("/clock")
    Now clock() {
        return new Now(clock.instant().atZone(clock.getZone()).toOffsetDateTime());
    }

    record Advance(@NotNull @Size(max = 40) String advance) {
    }

    @PostMapping("/clock")
    @Operation(summary = "Move the test clock forward, e.g. {\"advance\": \"P31D\"}")
    Now advance(@Valid @RequestBody Advance body) {
        Duration by;
        try {
            by = Duration.parse(body.advance());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("advance", "must be an ISO-8601 duration such as P31D or PT2H");
        }
        if (!forwardEnough(by)) {
            throw new InvalidInput("advance", "must move forward, at most 10 years");
        }
        clock.advance(by);
        return clock();
    }

    /** The test clock only moves forward, and at most ten years at a time. */
    private static boolean forwardEnough(Duration by) {
        return !by.isNegative() && by.toDays() <= 3650;
    }

    /** A duration the clock may move by, as the page's form typed it. */
    static Optional<Duration> forward(String typed) {
        try {
            var by = Duration.parse(typed);
            return forwardEnough(by) ? Optional.of(by) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @GetMapping("/operators")
    List<SandboxSeed.DemoLogin> operators() {
        return seed.operators();
    }

    /** A platform's refund policy; institutions have none. */
    record RefundPolicy(boolean allowed, int days) {
    }

    record PartnerView(String partnerId, String role, String secret, String name, @Nullable RefundPolicy refundPolicy) {
        @Override
        public String toString() {
            return "PartnerView[" + partnerId + ", secret=****]";
        }
    }

    @GetMapping("/partners")
    @Operation(summary = "Seeded partners with their secrets and, for platforms, refund policies")
    List<PartnerView> partners() {
        var policies = catalog.platforms();
        return partnerClients.all().stream().map(c -> new PartnerView(c.partnerId(), c.role().name(), c.secret(), c.name(),
                policies.stream().filter(p -> p.id().equals(c.partnerId())).findFirst()
                        .map(p -> new RefundPolicy(p.refundAllowed(), p.refundDays()))
                        .orElse(null)))
                .toList();
    }

    /** The basic test's answer key, ready to post to POST /api/v1/basic-test. */
    record AnswerKey(List<BasicTest.Answer> answers) {
    }

    @GetMapping("/basic-test/answers")
    AnswerKey answers() {
        return new AnswerKey(basicTest.answerKey());
    }
}
