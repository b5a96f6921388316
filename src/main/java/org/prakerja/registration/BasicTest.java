package org.prakerja.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.prakerja.common.ProgramRules;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R-14 the basic-ability test (tes kemampuan dasar): short, multiple choice, a pass mark. */
@Service
public class BasicTest {

    public record Option(String id, String text) {
    }

    public record Question(String id, String text, List<Option> options) {
    }

    public record Answer(String questionId, String optionId) {
    }

    public record Score(int score, boolean passed) {
    }

    /**
     * The questions and their options, by id; their words are {@code basic-test.<question>} and
     * {@code basic-test.<question>.<option>} in the message bundles, in the reader's language.
     */
    static final Map<String, List<String>> OPTIONS = orderedOptions();

    private static Map<String, List<String>> orderedOptions() {
        var options = new LinkedHashMap<String, List<String>>();
        for (String question : List.of("q1", "q2", "q3", "q4", "q5")) {
            options.put(question, List.of("a", "b", "c"));
        }
        return Collections.unmodifiableMap(options);
    }

    static final Map<String, String> KEY = Map.of("q1", "a", "q2", "b", "q3", "a", "q4", "c", "q5", "a");

    private final JdbcClient db;
    private final Clock clock;
    private final MessageSource messages;
    private final int passMark;

    BasicTest(JdbcClient db, Clock clock, MessageSource messages, ProgramRules rules) {
        this.db = db;
        this.clock = clock;
        this.messages = messages;
        this.passMark = rules.basicTestPassMark();
    }

    /** The questions in {@code language}. */
    public List<Question> questions(Locale language) {
        return OPTIONS.entrySet().stream()
                .map(q -> new Question(q.getKey(), text("basic-test." + q.getKey(), language),
                        q.getValue().stream()
                                .map(o -> new Option(o, text("basic-test." + q.getKey() + "." + o, language)))
                                .toList()))
                .toList();
    }

    private String text(String key, Locale language) {
        return messages.getMessage(key, null, language);
    }

    public int passMark() {
        return passMark;
    }

    /** The answer key, for the sandbox only. */
    public List<Answer> answerKey() {
        return OPTIONS.keySet().stream().map(q -> new Answer(q, KEY.get(q))).toList();
    }

    @Transactional
    public Score take(UUID participantId, List<Answer> answers) {
        Map<String, String> given = answers.stream()
                .collect(Collectors.toMap(Answer::questionId, Answer::optionId, (first, second) -> first));
        long right = KEY.entrySet().stream().filter(e -> e.getValue().equals(given.get(e.getKey()))).count();
        int score = (int) (right * 100 / KEY.size());
        boolean passed = score >= passMark;
        var now = Timestamp.from(clock.instant());
        db.sql("INSERT INTO basic_test_attempt (participant_id, score, passed, taken_at) VALUES (?, ?, ?, ?)")
                .params(participantId, score, passed, now).update();
        if (passed) {
            db.sql("UPDATE participant SET basic_test_passed_at = coalesce(basic_test_passed_at, ?) WHERE id = ?")
                    .params(now, participantId).update();
        }
        return new Score(score, passed);
    }
}
