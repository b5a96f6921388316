package org.prakerja.incentive;

import jakarta.annotation.Nullable;
import java.util.UUID;
import org.prakerja.audit.Accountable;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.prakerja.job.JobRuns;
import org.prakerja.job.JobView;
import org.prakerja.job.Jobs;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's disbursements (docs/portal.md, R-72): the totals by state, the payouts filtered by state
 * and kind, and "run now", which starts the disbursement job as POST /api/v1/ops/jobs/disbursement
 * does ({@link JobRuns}, audited) and then shows the job's progress.
 */
@Controller
class DisbursementPages {

    private static final int PAGE_SIZE = 20;

    private final Payouts payouts;
    private final JobRuns runs;
    private final Jobs jobs;

    DisbursementPages(Payouts payouts, JobRuns runs, Jobs jobs) {
        this.payouts = payouts;
        this.runs = runs;
        this.jobs = jobs;
    }

    /**
     * The disbursements page: the totals by state, a page of payouts with its filters (a name, or
     * empty for all), and the job run from here, if one was.
     */
    record DisbursementsView(Payouts.DisbursementSummary summary, Paged<Payouts.DisbursementView> payouts, String status, String kind,
            int page, boolean hasNext, @Nullable JobView job) {
        public PayoutStatus[] statuses() {
            return PayoutStatus.values();
        }

        public PayoutKind[] kinds() {
            return PayoutKind.values();
        }
    }

    @GetMapping("/ops/disbursements")
    String list(@RequestParam(required = false) @Nullable String status, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable UUID job, Model model) {
        PayoutStatus s = parse(PayoutStatus.class, status);
        PayoutKind k = parse(PayoutKind.class, kind);
        int p = Math.clamp(page, 0, 100_000);
        var list = payouts.list(s, k, new PageRequest(p, PAGE_SIZE));
        model.addAttribute("view", new DisbursementsView(payouts.summary(), list, s == null ? "" : s.name(),
                k == null ? "" : k.name(), p, (long) (p + 1) * PAGE_SIZE < list.total(), job == null ? null
                        : jobs.find(job).filter(j -> j.kind().equals("disbursement")).orElse(null)));
        return "incentive/ops-disbursements";
    }

    @PostMapping("/ops/disbursements/run")
    String runNow(@AuthenticationPrincipal Accountable operator) {
        UUID id = runs.runNow("disbursement", operator.asActor()).orElseThrow();
        return "redirect:/ops/disbursements?job=" + id + "#job-progress";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
