package org.prakerja.job;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A job's progress as a piece of a console page: htmx asks for it every second while the job runs
 * and swaps it in; the piece it gets once the job has ended no longer asks, so the polling stops.
 * Any console page can show a job this way (a wave's selection today, a disbursement run later).
 */
@Controller
class JobPages {

    /** The page the piece links back to: a console path only, so the link cannot lead elsewhere. */
    private static final Pattern CONSOLE_PATH = Pattern.compile("/ops(/[a-z0-9-]+)*");

    private final Jobs jobs;

    JobPages(Jobs jobs) {
        this.jobs = jobs;
    }

    /** The piece: the job, and the console page it sits on. */
    record ProgressView(JobView job, String page) {
    }

    @GetMapping("/ops/jobs/{jobId}/progress")
    String progress(@PathVariable UUID jobId, @RequestParam(defaultValue = "/ops") String page, Model model) {
        var job = jobs.find(jobId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("view", new ProgressView(job, CONSOLE_PATH.matcher(page).matches() ? page : "/ops"));
        return "job/progress :: progress(job=${view.job()}, page=${view.page()}, live=true)";
    }
}
