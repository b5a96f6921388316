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

    /** The front page: the summary's counts and sums and the daily charts. */
    record SummaryView(Reports.Summary summary, Reports.Charts charts) {
        public int chartDays() {
            return Reports.CHART_DAYS;
        }
    }

    @GetMapping("/ops")
    String summary(Model model) {
        model.addAttribute("view", new SummaryView(reports.summary(), reports.charts()));
        return "operations/summary";
    }
}
