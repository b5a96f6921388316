package org.prakerja.operations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front page (docs/portal.md {@code /ops}): the summary's counts and sums, and the daily charts. */
@Controller
class ConsolePage {

    private final Reports reports;

    ConsolePage(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/ops")
    String summary(Model model) {
        model.addAttribute("summary", reports.summary());
        model.addAttribute("charts", reports.charts());
        model.addAttribute("chartDays", Reports.CHART_DAYS);
        return "operations/summary";
    }
}
