package org.prakerja.training;

import jakarta.annotation.Nullable;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.prakerja.catalog.Catalog;
import org.prakerja.catalog.Platform;
import org.prakerja.catalog.Training;
import org.prakerja.common.Masking;
import org.prakerja.registration.Participants;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/**
 * Public pages about trainings that need this module's records: a training with its reviews,
 * and the certificate check (R-63, the holder's name masked as in the API).
 */
@Controller
class TrainingPages {

    private final Catalog catalog;
    private final TrainingRecords records;
    private final Participants participants;

    TrainingPages(Catalog catalog, TrainingRecords records, Participants participants) {
        this.catalog = catalog;
        this.records = records;
        this.participants = participants;
    }

    /** A training's page: the training, the names of the platforms selling it, and its latest reviews. */
    record TrainingView(Training training, List<String> platforms, List<TrainingRecords.PublicReview> reviews) {
    }

    /**
     * The certificate check: the number asked for (empty before any), and the certificate found with
     * its holder's masked name and its training, or that there is none.
     */
    record CertificateView(String number, boolean notFound, @Nullable Certificate certificate, String holder,
            @Nullable Training training) {
    }

    @GetMapping("/trainings/{id}")
    String training(@PathVariable String id, Model model) {
        var training = catalog.training(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("view", new TrainingView(training, training.platforms().stream()
                .map(p -> catalog.platform(p).map(Platform::name).orElse(p)).toList(), records.reviewsOf(id, 20)));
        return "training/training";
    }

    @GetMapping("/certificates")
    String check(@RequestParam(required = false) String number, Model model, HttpServletResponse response) {
        return certificate(number == null ? "" : number.strip(), model, response);
    }

    @GetMapping("/certificates/{number}")
    String certificatePage(@PathVariable String number, Model model, HttpServletResponse response) {
        return certificate(number.strip(), model, response);
    }

    private String certificate(String number, Model model, HttpServletResponse response) {
        if (number.isEmpty()) {
            model.addAttribute("view", new CertificateView(number, false, null, "", null));
            return "training/certificate";
        }
        var found = number.length() <= 64 ? records.certificate(number) : Optional.<Certificate>empty();
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("view", new CertificateView(number, true, null, "", null));
            return "training/certificate";
        }
        var c = found.get();
        model.addAttribute("view", new CertificateView(number, false, c,
                participants.find(c.participantId()).map(p -> Masking.name(p.fullName())).orElse(""),
                catalog.training(c.trainingId()).orElse(null)));
        return "training/certificate";
    }
}
