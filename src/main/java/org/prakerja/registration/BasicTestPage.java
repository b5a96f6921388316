package org.prakerja.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prakerja.login.CurrentUser;
import org.prakerja.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** R-14 the basic test as a page: every question a radio group, the score said after the redirect. */
@Controller
class BasicTestPage {

    /**
     * One radio group per question of {@link BasicTest#questions()}, named by the question's id, its
     * value the chosen option's id. No shape to check: an answer is one of its question's options or
     * none, and the options are the test's.
     */
    record Answers(String q1, String q2, String q3, String q4, String q5) {

        Answers {
            q1 = q1 == null ? "" : q1;
            q2 = q2 == null ? "" : q2;
            q3 = q3 == null ? "" : q3;
            q4 = q4 == null ? "" : q4;
            q5 = q5 == null ? "" : q5;
        }

        /** The answers by question id. */
        Map<String, String> given() {
            return Map.of("q1", q1, "q2", q2, "q3", q3, "q4", q4, "q5", q5);
        }
    }

    /** The test as the page shows it: the questions, the pass mark, the answers kept and what is missing. */
    record TestView(List<BasicTest.Question> questions, int passMark, boolean passed, Map<String, String> typed,
            FormErrors errors) {
    }

    private final BasicTest basicTest;
    private final Participants participants;
    private final MessageSource messages;

    BasicTestPage(BasicTest basicTest, Participants participants, MessageSource messages) {
        this.basicTest = basicTest;
        this.participants = participants;
        this.messages = messages;
    }

    @GetMapping("/basic-test")
    String test(@AuthenticationPrincipal CurrentUser user, Model model, Locale language) {
        return show(model, user, Map.of(), new FormErrors(), language);
    }

    @PostMapping("/basic-test")
    String answer(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("answers") Answers typed, Model model,
            RedirectAttributes next, Locale language) {
        var errors = new FormErrors();
        var answers = new ArrayList<BasicTest.Answer>();
        Map<String, String> known = new LinkedHashMap<>();
        var questions = basicTest.questions(language);
        var given = typed.given();
        for (var q : questions) {
            String option = given.get(q.id());
            if (q.options().stream().anyMatch(o -> o.id().equals(option))) {
                answers.add(new BasicTest.Answer(q.id(), option));
                known.put(q.id(), option);
            } else {
                errors.add(q.id() + "-" + q.options().getFirst().id(), messages.getMessage(
                        "basic-test.error.unanswered", new Object[] {questions.indexOf(q) + 1}, language));
            }
        }
        if (errors.any()) {
            return show(model, user, known, errors, language);
        }
        var score = basicTest.take(user.subjectId(), answers);
        // the flash lives in the session store, serialized: plain values only
        next.addFlashAttribute("score", score.score());
        next.addFlashAttribute("scorePassed", score.passed());
        return "redirect:/basic-test";
    }

    private String show(Model model, CurrentUser user, Map<String, String> typed, FormErrors errors, Locale language) {
        boolean passed = participants.find(user.subjectId()).map(Participant::basicTestPassed).orElse(false);
        model.addAttribute("view", new TestView(basicTest.questions(language), basicTest.passMark(), passed, typed, errors));
        return "registration/basic-test";
    }
}
