package org.prakerja.wave;

import org.prakerja.login.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

import jakarta.annotation.Nullable;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.prakerja.common.InvalidInput;
import org.prakerja.job.JobView;
import org.prakerja.job.Jobs;
import org.prakerja.scheme.Scheme;
import org.prakerja.scheme.Schemes;
import org.prakerja.web.FormErrors;
import org.prakerja.web.RefusedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's wave pages (docs/portal.md): the list with the form for a new wave, and one wave with
 * its transitions, its selection and announcement jobs, the selection report and the selected list
 * as CSV. Every act goes through {@link WaveActions}, as the operator API's do.
 */
@Controller
class WavePages {

    /** Times on the form are Western Indonesian Time, as the program's dates are. */
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final int PAGE_SIZE = 20;

    private final Waves waves;
    private final WaveActions actions;
    private final Selection selection;
    private final SelectedList selectedList;
    private final Jobs jobs;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final Schemes schemes;

    WavePages(Waves waves, WaveActions actions, Selection selection, SelectedList selectedList, Jobs jobs,
            MessageSource messages, java.time.Clock clock, Schemes schemes) {
        this.schemes = schemes;
        this.waves = waves;
        this.actions = actions;
        this.selection = selection;
        this.selectedList = selectedList;
        this.jobs = jobs;
        this.messages = messages;
        this.clock = clock;
    }

    /** The new-wave form as typed: the API's field names, kept as text so a bad value is shown back. */
    record WaveForm(String number, String quota, String joinOpensAt, String joinClosesAt, String announcementAt,
            String scheme) {
    }

    /** The waves page: a page of waves, and the new-wave form as typed with what is wrong with it. */
    record WavesView(List<Wave> waves, int page, boolean hasNext, long total, WaveForm form, FormErrors errors,
            List<Scheme> schemes) {
    }

    /**
     * A wave's page: the wave, its selection report (whose figures count once it has selected), its
     * latest job, and why an act was just refused.
     */
    record WaveView(Wave wave, Selection.Report report, boolean selected, @Nullable JobView job,
            @Nullable String refusal) {
    }

    @GetMapping("/ops/waves")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        var form = new WaveForm(String.valueOf(waves.nextNumber()), "", local(now), local(now.plus(Duration.ofDays(14))),
                local(now.plus(Duration.ofDays(15))), schemes.defaultScheme().name());
        // bounded, so an odd page number is an empty page and never an overflowing offset
        return listPage(Math.clamp(page, 0, 100_000), form, new FormErrors(), model);
    }

    private String listPage(int page, WaveForm form, FormErrors errors, Model model) {
        long total = waves.count();
        model.addAttribute("view", new WavesView(waves.list(page * PAGE_SIZE, PAGE_SIZE), page,
                (long) (page + 1) * PAGE_SIZE < total, total, form, errors, schemes.all()));
        return "wave/ops-list";
    }

    @PostMapping("/ops/waves")
    String create(@ModelAttribute WaveForm form, Model model, HttpServletResponse response,
            @AuthenticationPrincipal CurrentUser operator) {
        var errors = new FormErrors();
        Integer number = whole(form.number(), 1, 100_000, "number", errors);
        Integer quota = whole(form.quota(), 1, 10_000_000, "quota", errors);
        Instant opens = time(form.joinOpensAt(), "joinOpensAt", errors);
        Instant closes = time(form.joinClosesAt(), "joinClosesAt", errors);
        Instant announcement = time(form.announcementAt(), "announcementAt", errors);
        if (!errors.any()) {
            try {
                String scheme = form.scheme() == null || form.scheme().isBlank() ? null : form.scheme().strip();
                var change = actions.create(new WaveActions.Draft(number, quota, opens, closes, announcement, scheme),
                        operator.asActor());
                switch (change) {
                    case WaveChange.Changed c -> {
                        return "redirect:/ops/waves/" + c.wave().number() + "?created";
                    }
                    case WaveChange.Refused r when r.reason() == WaveRefusal.SCHEME_NOT_FOUND ->
                            errors.add("scheme", text("ops.waves.error.scheme"));
                    case WaveChange.Refused r -> errors.add("number", text("ops.waves.error.exists"));
                }
            } catch (InvalidInput e) {
                errors.add(e.field(), text("ops.waves.error.order." + e.field()));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return listPage(0, form, errors, model);
    }

    @GetMapping("/ops/waves/{number}")
    String wave(@PathVariable int number, Model model) {
        return wavePage(number, null, model);
    }

    private String wavePage(int number, @Nullable String refusal, Model model) {
        var wave = waves.find(number).orElseThrow(() -> new RefusedException(WaveRefusal.WAVE_NOT_FOUND));
        model.addAttribute("view", new WaveView(wave, selection.report(number).orElseThrow(),
                wave.status() == WaveStatus.SELECTED || wave.status() == WaveStatus.ANNOUNCED,
                jobs.latestForWave(number).orElse(null), refusal));
        return "wave/ops-wave";
    }

    @PostMapping("/ops/waves/{number}/transitions")
    String transition(@PathVariable int number, @RequestParam String to, Model model, HttpServletResponse response,
            @AuthenticationPrincipal CurrentUser operator) {
        WaveStatus target;
        try {
            target = WaveStatus.valueOf(to);
        } catch (IllegalArgumentException e) {
            return refused(number, WaveRefusal.ILLEGAL_TRANSITION, model, response);
        }
        return switch (actions.transition(number, target, operator.asActor())) {
            case WaveChange.Changed c -> "redirect:/ops/waves/" + number + "?moved=" + c.wave().status();
            case WaveChange.Refused r -> refused(number, r.reason(), model, response);
        };
    }

    @PostMapping("/ops/waves/{number}/selection")
    String select(@PathVariable int number, Model model, HttpServletResponse response,
            @AuthenticationPrincipal CurrentUser operator) {
        return started(number, actions.startSelection(number, operator.asActor()), model, response);
    }

    @PostMapping("/ops/waves/{number}/announcement")
    String announce(@PathVariable int number, Model model, HttpServletResponse response,
            @AuthenticationPrincipal CurrentUser operator) {
        return started(number, actions.startAnnouncement(number, operator.asActor()), model, response);
    }

    /**
     * The selected applicants as CSV, streamed from the database row by row (200,000 rows never sit
     * in memory). Columns: rank, participant id, full name, NIK masked, province, city; never a
     * whole NIK, a family card, a phone, an email or a birth date.
     */
    @GetMapping(value = "/ops/waves/{number}/selected.csv")
    void selectedCsv(@PathVariable int number, HttpServletResponse response) throws IOException {
        var wave = waves.find(number).orElseThrow(() -> new RefusedException(WaveRefusal.WAVE_NOT_FOUND));
        if (wave.status() != WaveStatus.SELECTED && wave.status() != WaveStatus.ANNOUNCED) {
            // no list before the selection: nothing here yet
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"wave-" + number + "-selected.csv\"");
        response.setHeader("Cache-Control", "no-store");
        selectedList.write(number, response.getOutputStream());
    }

    private String started(int number, WaveActions.JobStart start, Model model, HttpServletResponse response) {
        return switch (start) {
            case WaveActions.JobStart.Started s -> "redirect:/ops/waves/" + number + "#job-progress";
            case WaveActions.JobStart.Refused r -> refused(number, r.reason(), model, response);
        };
    }

    /** The wave's page again, with why the act was refused (409, or 404 for no such wave). */
    private String refused(int number, WaveRefusal reason, Model model, HttpServletResponse response) {
        if (reason == WaveRefusal.WAVE_NOT_FOUND) {
            throw new RefusedException(reason);
        }
        response.setStatus(reason.status().value());
        return wavePage(number, text("ops.wave.refused." + reason.name()), model);
    }

    private Integer whole(String value, int min, int max, String field, FormErrors errors) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below like any out-of-range number
        }
        errors.add(field, messages.getMessage("ops.waves.error.range." + field, new Object[] {min, max},
                LocaleContextHolder.getLocale()));
        return null;
    }

    private Instant time(String value, String field, FormErrors errors) {
        try {
            return LocalDateTime.parse(value == null ? "" : value.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .atZone(WIB).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, text("ops.waves.error.time"));
            return null;
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String local(Instant at) {
        return LOCAL.format(at.atZone(WIB).toLocalDateTime());
    }
}
