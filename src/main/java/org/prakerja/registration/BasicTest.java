package org.prakerja.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.prakerja.common.ProgramRules;
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

    static final List<Question> QUESTIONS = List.of(
            new Question("q1", "Jika 3 pekerja menyelesaikan 3 meja dalam 3 hari, berapa hari 6 pekerja menyelesaikan 6 meja?",
                    List.of(new Option("a", "3 hari"), new Option("b", "6 hari"), new Option("c", "12 hari"))),
            new Question("q2", "Kata yang paling dekat artinya dengan \"tekun\" adalah…",
                    List.of(new Option("a", "malas"), new Option("b", "rajin"), new Option("c", "cepat"))),
            new Question("q3", "Harga Rp200.000 diskon 25%. Berapa yang dibayar?",
                    List.of(new Option("a", "Rp150.000"), new Option("b", "Rp175.000"), new Option("c", "Rp50.000"))),
            new Question("q4", "Lanjutkan deret: 2, 4, 8, 16, …",
                    List.of(new Option("a", "24"), new Option("b", "30"), new Option("c", "32"))),
            new Question("q5", "Pelanggan mengeluh pesanan terlambat. Sikap terbaik adalah…",
                    List.of(new Option("a", "Mendengarkan dan menawarkan solusi"), new Option("b", "Menyalahkan kurir"),
                            new Option("c", "Mengabaikan keluhan"))));

    static final Map<String, String> KEY = Map.of("q1", "a", "q2", "b", "q3", "a", "q4", "c", "q5", "a");

    private final JdbcClient db;
    private final Clock clock;
    private final int passMark;

    BasicTest(JdbcClient db, Clock clock, ProgramRules rules) {
        this.db = db;
        this.clock = clock;
        this.passMark = rules.basicTestPassMark();
    }

    public List<Question> questions() {
        return QUESTIONS;
    }

    public int passMark() {
        return passMark;
    }

    /** The answer key, for the sandbox only. */
    public List<Answer> answerKey() {
        return QUESTIONS.stream().map(q -> new Answer(q.id(), KEY.get(q.id()))).toList();
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
