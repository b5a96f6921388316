package org.prakerja.sandbox;

import jakarta.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.prakerja.catalog.Catalog;
import org.prakerja.catalog.Platform;
import org.prakerja.common.AdjustableClock;
import org.prakerja.notification.Inbox;
import org.prakerja.notification.SentMessage;
import org.prakerja.partner.PartnerClients;
import org.prakerja.partner.PartnerRole;
import org.prakerja.web.FormErrors;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sandbox's pages for a person (docs/portal.md "Sandbox only"): an index of the demo stores,
 * institutions, tools and logins; the inbox as a phone or mailbox shows it; the test clock. The
 * inbox and the clock share their paths with {@link SandboxController}'s JSON: a browser asking for
 * {@code text/html}, or posting a form, lands here; a program keeps its JSON.
 */
@Controller
@Profile("sandbox")
@RequestMapping("/sandbox")
class SandboxPages {

    /** What a reader looks for in a message: a 6-digit code or a voucher code. */
    private static final Pattern CODES = Pattern.compile("\\b[0-9]{6}\\b|\\bPK-[0-9A-Z]{5}-[0-9A-Z]{5}\\b");

    private final Catalog catalog;
    private final PartnerClients partners;
    private final SandboxSeed seed;
    private final Inbox inbox;
    private final AdjustableClock clock;
    private final DemoTexts texts;

    SandboxPages(Catalog catalog, PartnerClients partners, SandboxSeed seed, Inbox inbox, AdjustableClock clock,
            DemoTexts texts) {
        this.catalog = catalog;
        this.partners = partners;
        this.seed = seed;
        this.inbox = inbox;
        this.clock = clock;
        this.texts = texts;
    }

    /** A demo institution of the index. */
    record InstitutionLink(String id, String name) {
    }

    /** The index: the demo stores, the demo institutions and the staff's demo logins. */
    record IndexView(List<Platform> platforms, List<InstitutionLink> institutions, List<SandboxSeed.DemoLogin> logins) {
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("view", new IndexView(catalog.platforms(), partners.all().stream()
                .filter(p -> p.role() == PartnerRole.INSTITUTION).map(p -> new InstitutionLink(p.partnerId(), p.name()))
                .sorted(Comparator.comparing(InstitutionLink::name)).toList(), seed.operators()));
        return "sandbox/index";
    }

    // --- inbox

    /** A piece of a message's text; codes stand out so they are easy to read off. */
    record Part(String text, boolean code) {
    }

    /** A message as the inbox page shows it. */
    record Shown(String channel, @Nullable String subject, List<Part> parts, Instant sentAt) {
    }

    /**
     * The inbox page: the address as typed and, once one is given, whose inbox it is (a phone's or a
     * mailbox) with its messages.
     */
    record InboxView(String to, @Nullable String recipient, boolean phone, List<Shown> messages) {
    }

    @GetMapping(path = "/inbox", produces = MediaType.TEXT_HTML_VALUE)
    String inbox(@RequestParam(name = "to", required = false) @Nullable String to, Model model) {
        String typed = to == null ? "" : to.strip();
        if (typed.isEmpty() || typed.length() > 254) {
            model.addAttribute("view", new InboxView(typed, null, false, List.of()));
        } else {
            String recipient = SandboxController.recipient(typed);
            model.addAttribute("view", new InboxView(typed, recipient, !recipient.contains("@"),
                    inbox.to(recipient).stream().map(SandboxPages::shown).toList()));
        }
        return "sandbox/inbox";
    }

    private static Shown shown(SentMessage m) {
        var parts = new ArrayList<Part>();
        var matcher = CODES.matcher(m.body());
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                parts.add(new Part(m.body().substring(at, matcher.start()), false));
            }
            parts.add(new Part(matcher.group(), true));
            at = matcher.end();
        }
        if (at < m.body().length()) {
            parts.add(new Part(m.body().substring(at), false));
        }
        return new Shown(m.channel(), m.subject(), parts, m.sentAt());
    }

    // --- clock

    @GetMapping(path = "/clock", produces = MediaType.TEXT_HTML_VALUE)
    String clock(Model model) {
        return clockPage(model, "", new FormErrors());
    }

    @PostMapping(path = "/clock", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String advance(@RequestParam(name = "advance", required = false) @Nullable String advance, Model model,
            RedirectAttributes redirect) {
        String typed = advance == null ? "" : advance.strip();
        Optional<Duration> by = SandboxController.forward(typed);
        if (by.isEmpty()) {
            return clockPage(model, typed, new FormErrors().add("advance", texts.text("sandbox.clock.invalid")));
        }
        clock.advance(by.get());
        redirect.addFlashAttribute("moved", Boolean.TRUE);
        return "redirect:/sandbox/clock";
    }

    /** The test clock's page: the program's time now, and the advance as typed with what is wrong with it. */
    record ClockView(Instant now, String advance, FormErrors errors) {
    }

    private String clockPage(Model model, String advance, FormErrors errors) {
        model.addAttribute("view", new ClockView(clock.instant(), advance, errors));
        return "sandbox/clock";
    }
}
