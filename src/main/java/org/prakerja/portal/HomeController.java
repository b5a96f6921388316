package org.prakerja.portal;

import jakarta.annotation.Nullable;
import org.prakerja.scheme.Schemes;
import org.prakerja.wave.Wave;
import org.prakerja.wave.Waves;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: what the program gives, the wave open now, and the way in. */
@Controller
class HomeController {

    private final Waves waves;
    private final Schemes schemes;

    HomeController(Waves waves, Schemes schemes) {
        this.waves = waves;
        this.schemes = schemes;
    }

    /** The benefit as the landing page states it (R-25: the default scheme's amounts). */
    record Benefit(long trainingBalance, long incentiveAmount, int incentiveCount, long surveyAmount, int surveyCount) {
    }

    /** The landing page: the benefit and the wave open now, if any. */
    record HomeView(Benefit benefit, @Nullable Wave openWave) {
    }

    @GetMapping("/")
    String home(Model model) {
        var scheme = schemes.defaultScheme();
        model.addAttribute("view", new HomeView(new Benefit(scheme.trainingBalance(), scheme.incentiveAmount(),
                scheme.incentiveCount(), scheme.surveyAmount(), scheme.surveyCount()),
                waves.currentlyOpen().orElse(null)));
        return "portal/home";
    }

    @GetMapping("/login")
    String login() {
        return "portal/login";
    }
}
