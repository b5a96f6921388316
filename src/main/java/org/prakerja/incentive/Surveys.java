package org.prakerja.incentive;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.Rupiah;
import org.prakerja.ledger.AccountId;
import org.prakerja.ledger.Ledger;
import org.prakerja.ledger.Movement;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * R-73 the evaluation surveys (survei evaluasi): open on the scheme's timetable (see
 * {@link Incentives}), answered once, each answer earning the scheme's survey incentive, paid like
 * an instalment. Every survey asks the same three questions; their words are in the bundles
 * ({@code survey.<question>} and {@code survey.<question>.<option>}).
 */
@Service
@Transactional
class Surveys {

    /** The questions and their options, by id. */
    static final Map<String, List<String>> QUESTIONS = questions();

    private static Map<String, List<String>> questions() {
        var q = new java.util.LinkedHashMap<String, List<String>>();
        q.put("EMPLOYMENT", List.of("EMPLOYED", "SELF_EMPLOYED", "LOOKING", "NOT_LOOKING"));
        q.put("USEFULNESS", List.of("VERY", "SOMEWHAT", "LITTLE", "NOT"));
        q.put("INCENTIVE_USE", List.of("DAILY_NEEDS", "BUSINESS", "TRAINING", "SAVINGS", "OTHER"));
        return java.util.Collections.unmodifiableMap(q);
    }

    public record SurveyOption(String id, String text) {
    }

    public record SurveyQuestion(String id, String text, List<SurveyOption> options) {
    }

    /** GET /api/v1/me/surveys/{seq}. */
    public record SurveyForm(int seq, List<SurveyQuestion> questions) {
    }

    public record Answer(String questionId, String optionId) {
    }

    /** What became of a request about a survey. */
    public sealed interface SurveyResult {
        record Done(int seq) implements SurveyResult {
        }

        record Refused(IncentiveRefusal reason) implements SurveyResult {
        }
    }

    private final JdbcClient db;
    private final Ledger ledger;
    private final MessageSource messages;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    Surveys(JdbcClient db, Ledger ledger, MessageSource messages, Clock clock) {
        this.db = db;
        this.ledger = ledger;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SurveyResult openable(UUID participantId, int seq) {
        var opened = db.sql("SELECT opens_at <= ? FROM incentive_survey WHERE participant_id = ? AND seq = ?")
                .params(Timestamp.from(clock.instant()), participantId, seq).query(Boolean.class).optional();
        return Boolean.TRUE.equals(opened.orElse(null)) ? new SurveyResult.Done(seq)
                : new SurveyResult.Refused(IncentiveRefusal.SURVEY_NOT_OPEN);
    }

    public SurveyForm form(int seq, Locale language) {
        return new SurveyForm(seq, QUESTIONS.entrySet().stream()
                .map(q -> new SurveyQuestion(q.getKey(), messages.getMessage("survey." + q.getKey(), null, language),
                        q.getValue().stream().map(o -> new SurveyOption(o,
                                messages.getMessage("survey." + q.getKey() + "." + o, null, language))).toList()))
                .toList());
    }

    /**
     * Every question answered once with one of its options, or 400 VALIDATION_FAILED naming
     * {@code answers}; then the survey is ANSWERED and its payout is due now, its money moved from
     * the fund to INCENTIVE_PAYABLE (ids: {@link PayoutIds}).
     */
    public SurveyResult answer(UUID participantId, int seq, List<Answer> answers) {
        var given = new HashMap<String, String>();
        for (var a : answers) {
            var options = QUESTIONS.get(a.questionId());
            if (options == null) {
                throw new InvalidInput("answers", "no question has the id " + a.questionId());
            }
            if (!options.contains(a.optionId())) {
                throw new InvalidInput("answers", "question " + a.questionId() + " has no option " + a.optionId());
            }
            if (given.put(a.questionId(), a.optionId()) != null) {
                throw new InvalidInput("answers", "question " + a.questionId() + " is answered twice");
            }
        }
        if (!given.keySet().equals(QUESTIONS.keySet())) {
            throw new InvalidInput("answers", "every question needs an answer: " + QUESTIONS.keySet());
        }
        var now = Timestamp.from(clock.instant());
        var amount = db.sql("""
                UPDATE incentive_survey SET answered_at = ?, answers = ?::jsonb
                WHERE participant_id = ? AND seq = ? AND opens_at <= ? AND answered_at IS NULL
                RETURNING amount
                """)
                .params(now, json.writeValueAsString(given), participantId, seq, now)
                .query(Long.class).optional();
        if (amount.isEmpty()) {
            boolean answered = db.sql("SELECT answered_at IS NOT NULL FROM incentive_survey WHERE participant_id = ? AND seq = ?")
                    .params(participantId, seq).query(Boolean.class).optional().orElse(false);
            return new SurveyResult.Refused(answered ? IncentiveRefusal.ALREADY_ANSWERED : IncentiveRefusal.SURVEY_NOT_OPEN);
        }
        UUID payout = PayoutIds.payout(participantId, PayoutKind.SURVEY, seq);
        db.sql("""
                INSERT INTO incentive_payout (id, participant_id, kind, seq, amount, status, due_at, next_attempt_at, updated_at)
                VALUES (?, ?, 'SURVEY', ?, ?, 'SCHEDULED', ?, ?, ?) ON CONFLICT DO NOTHING
                """).params(payout, participantId, seq, amount.get(), now, now, now).update();
        ledger.transferAll(List.of(new Movement(PayoutIds.funding(payout), AccountId.PROGRAM_FUND,
                AccountId.incentivePayable(participantId), Rupiah.of(amount.get()))), "R-73 survey answered");
        return new SurveyResult.Done(seq);
    }
}
