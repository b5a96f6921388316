package org.prakerja.scheme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.prakerja.audit.Actor;
import org.prakerja.audit.AuditTrail;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.ProgramRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-25 the schemes. A scheme never changes once created (a trigger refuses it too), so what was
 * read once is kept in memory: every rule of every wave reads its scheme, often in a loop.
 */
@Service
@Transactional
public class Schemes {

    /** The result of an ADMIN's new scheme. */
    public sealed interface Creation {
        record Created(Scheme scheme) implements Creation {
        }

        record Refused(SchemeRefusal reason) implements Creation {
        }
    }

    private final JdbcClient db;
    private final AuditTrail audit;
    private final Clock clock;
    private final String defaultName;
    private final Map<String, Scheme> known = new ConcurrentHashMap<>();

    Schemes(JdbcClient db, Clock clock, ProgramRules rules, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.defaultName = rules.defaultScheme();
    }

    @Transactional(readOnly = true)
    public Optional<Scheme> find(String name) {
        var cached = known.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        var found = db.sql("SELECT * FROM scheme WHERE name = ?").param(name).query(Schemes::map).optional();
        found.ifPresent(s -> known.put(s.name(), s));
        return found;
    }

    /** A scheme some wave or card names: it cannot have gone, as schemes are never deleted. */
    @Transactional(readOnly = true)
    public Scheme named(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("unknown scheme " + name));
    }

    /** The scheme of a wave created without one ({@code prakerja.program.default-scheme}). */
    @Transactional(readOnly = true)
    public Scheme defaultScheme() {
        return find(defaultName).orElseThrow(() -> new IllegalStateException(
                "prakerja.program.default-scheme names no scheme: " + defaultName));
    }

    @Transactional(readOnly = true)
    public List<Scheme> all() {
        return db.sql("SELECT * FROM scheme ORDER BY created_at, name").query(Schemes::map).list();
    }

    /** An ADMIN's new scheme: checked whole, then stored for good, and recorded for audit. */
    public Creation create(Scheme scheme, Actor who) {
        validate(scheme);
        int inserted = db.sql("""
                INSERT INTO scheme (name, training_balance, incentive_amount, incentive_count, incentive_interval_days,
                    survey_amount, survey_count, first_purchase_days, min_age, max_age, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING
                """)
                .params(scheme.name(), scheme.trainingBalance(), scheme.incentiveAmount(), scheme.incentiveCount(),
                        scheme.incentiveIntervalDays(), scheme.surveyAmount(), scheme.surveyCount(),
                        scheme.firstPurchaseDays(), scheme.minAge(), scheme.maxAge(), Timestamp.from(clock.instant()))
                .update();
        if (inserted != 1) {
            return new Creation.Refused(SchemeRefusal.SCHEME_EXISTS);
        }
        audit.record(who, "SCHEME_CREATED", "scheme:" + scheme.name(), describe(scheme));
        return new Creation.Created(scheme);
    }

    private static String describe(Scheme s) {
        return "balance " + s.trainingBalance() + ", incentive " + s.incentiveCount() + " x " + s.incentiveAmount()
                + " every " + s.incentiveIntervalDays() + " days, surveys " + s.surveyCount() + " x " + s.surveyAmount()
                + ", first purchase " + s.firstPurchaseDays() + " days, age " + s.minAge() + ".."
                + (s.maxAge() == null ? "" : s.maxAge());
    }

    /** What the table's checks say, as 400 VALIDATION_FAILED naming the field. */
    static void validate(Scheme s) {
        if (s.name() == null || !s.name().matches("^[A-Z][A-Z0-9_]{1,39}$")) {
            throw new InvalidInput("name", "2-40 upper-case letters, digits or _, starting with a letter");
        }
        if (s.trainingBalance() <= 0) {
            throw new InvalidInput("trainingBalance", "must be positive");
        }
        positiveOrZero("incentiveAmount", s.incentiveAmount());
        positiveOrZero("incentiveCount", s.incentiveCount());
        positiveOrZero("incentiveIntervalDays", s.incentiveIntervalDays());
        positiveOrZero("surveyAmount", s.surveyAmount());
        positiveOrZero("surveyCount", s.surveyCount());
        if (s.firstPurchaseDays() <= 0) {
            throw new InvalidInput("firstPurchaseDays", "must be positive");
        }
        positiveOrZero("minAge", s.minAge());
        if (s.maxAge() != null && s.maxAge() < s.minAge()) {
            throw new InvalidInput("maxAge", "must not be below minAge");
        }
        if (s.incentiveCount() > 24 || s.surveyCount() > 12) {
            throw new InvalidInput(s.incentiveCount() > 24 ? "incentiveCount" : "surveyCount", "too many");
        }
        if (s.incentiveCount() > 0 && s.incentiveAmount() == 0) {
            throw new InvalidInput("incentiveAmount", "must be positive when there are instalments");
        }
        if (s.surveyCount() > 0 && s.surveyAmount() == 0) {
            throw new InvalidInput("surveyAmount", "must be positive when there are surveys");
        }
    }

    private static void positiveOrZero(String field, long value) {
        if (value < 0) {
            throw new InvalidInput(field, "must not be negative");
        }
    }

    private static Scheme map(ResultSet rs, int i) throws SQLException {
        return new Scheme(rs.getString("name"), rs.getLong("training_balance"), rs.getLong("incentive_amount"),
                rs.getInt("incentive_count"), rs.getInt("incentive_interval_days"), rs.getLong("survey_amount"),
                rs.getInt("survey_count"), rs.getInt("first_purchase_days"), rs.getInt("min_age"),
                rs.getObject("max_age", Integer.class));
    }
}
