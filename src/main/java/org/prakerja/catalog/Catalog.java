package org.prakerja.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** institutions, platforms and trainings; search; ratings from reviews. */
@Service
@Transactional(readOnly = true)
public class Catalog {

    private static final String SELECT = """
            SELECT t.*, i.name AS institution_name,
                   ARRAY(SELECT platform_id FROM training_platform tp WHERE tp.training_id = t.id ORDER BY platform_id) AS platforms
            FROM training t JOIN institution i ON i.id = t.institution_id
            """;

    private final JdbcClient db;

    Catalog(JdbcClient db) {
        this.db = db;
    }

    /**
     * One training, from a cache of 60 seconds: every OTP and purchase reads it, and what a
     * purchase needs of it (price, institution, platforms) changes rarely. Search reads the table.
     * Only trainings that exist are kept; callers asking for the same one while it loads wait for
     * that one read.
     */
    public Optional<Training> training(String id) {
        return Optional.ofNullable(trainings.get(id,
                key -> db.sql(SELECT + " WHERE t.id = ?").param(key).query(Catalog::map).optional().orElse(null)));
    }

    private final Cache<String, Training> trainings = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(60)).build();

    public Optional<Platform> platform(String id) {
        return db.sql("SELECT * FROM platform WHERE id = ?").param(id)
                .query((rs, i) -> new Platform(rs.getString("id"), rs.getString("name"), rs.getBoolean("refund_allowed"),
                        rs.getInt("refund_days")))
                .optional();
    }

    public List<Platform> platforms() {
        return db.sql("SELECT * FROM platform ORDER BY id")
                .query((rs, i) -> new Platform(rs.getString("id"), rs.getString("name"), rs.getBoolean("refund_allowed"),
                        rs.getInt("refund_days")))
                .list();
    }

    public Paged<Training> search(TrainingQuery q, PageRequest page) {
        var where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.category() != null) {
            where.append(" AND t.category = :category");
            params.put("category", q.category().name());
        }
        if (q.platform() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM training_platform p WHERE p.training_id = t.id AND p.platform_id = :platform)");
            params.put("platform", q.platform());
        }
        if (q.method() != null) {
            where.append(" AND t.method = :method");
            params.put("method", q.method().name());
        }
        if (q.words() != null && !q.words().isBlank()) {
            where.append(" AND (t.search @@ plainto_tsquery('simple', :words) OR t.title ILIKE :like)");
            params.put("words", q.words());
            params.put("like", "%" + q.words().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.minPrice() != null) {
            where.append(" AND t.price >= :minPrice");
            params.put("minPrice", q.minPrice());
        }
        if (q.maxPrice() != null) {
            where.append(" AND t.price <= :maxPrice");
            params.put("maxPrice", q.maxPrice());
        }
        String order = switch (q.sort() == null ? TrainingQuery.Sort.RATING : q.sort()) {
            case RATING -> " ORDER BY CASE WHEN t.rating_count = 0 THEN 0 ELSE t.rating_sum::float / t.rating_count END DESC, t.rating_count DESC, t.id";
            case PRICE -> " ORDER BY t.price, t.id";
            case PRICE_DESC -> " ORDER BY t.price DESC, t.id";
        };
        var count = db.sql("SELECT count(*) FROM training t" + where).params(params).query(Long.class).single();
        var items = db.sql(SELECT + where + order + " OFFSET :offset LIMIT :limit")
                .params(params).param("offset", page.offset()).param("limit", page.size())
                .query(Catalog::map).list();
        return new Paged<>(items, page.page(), page.size(), count);
    }

    public List<Training> soldByPlatform(String platformId) {
        return db.sql(SELECT + " WHERE EXISTS (SELECT 1 FROM training_platform p WHERE p.training_id = t.id AND p.platform_id = ?) ORDER BY t.id")
                .param(platformId).query(Catalog::map).list();
    }

    /** R-64 a participant's rating feeds the training's average. */
    @Transactional
    public void addRating(java.util.UUID reviewId, String trainingId, int rating) {
        // the insert is the once-only check: a rating already counted inserts nothing and adds nothing
        db.sql("""
                WITH counted AS (
                    INSERT INTO training_rating (purchase_id, training_id, rating) VALUES (?, ?, ?)
                    ON CONFLICT (purchase_id) DO NOTHING RETURNING training_id, rating)
                UPDATE training t SET rating_sum = t.rating_sum + c.rating, rating_count = t.rating_count + 1
                FROM counted c WHERE t.id = c.training_id
                """).params(reviewId, trainingId, rating).update();
        trainings.invalidate(trainingId);
    }

    @Transactional
    public void addInstitution(String id, String name) {
        db.sql("INSERT INTO institution (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING").params(id, name).update();
    }

    @Transactional
    public void addPlatform(Platform p) {
        db.sql("INSERT INTO platform (id, name, refund_allowed, refund_days) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
                .params(p.id(), p.name(), p.refundAllowed(), p.refundDays()).update();
    }

    @Transactional
    public void addTraining(String id, String title, Category category, String description, String institutionId,
            long price, int hours, Method method, List<String> platforms) {
        db.sql("""
                INSERT INTO training (id, title, category, description, institution_id, price, hours, method)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                """)
                .params(id, title, category.name(), description, institutionId, price, hours, method.name()).update();
        db.sql("""
                INSERT INTO training_platform (training_id, platform_id) SELECT ?, p FROM unnest(?::text[]) AS p
                ON CONFLICT DO NOTHING
                """)
                .params(id, platforms.toArray(String[]::new)).update();
    }

    private static Training map(ResultSet rs, int i) throws SQLException {
        int count = rs.getInt("rating_count");
        double rating = count == 0 ? 0 : Math.round(rs.getLong("rating_sum") * 10.0 / count) / 10.0;
        Array platforms = rs.getArray("platforms");
        var category = Category.valueOf(rs.getString("category"));
        return new Training(rs.getString("id"), rs.getString("title"), category, category.label(),
                new Training.Institution(rs.getString("institution_id"), rs.getString("institution_name")),
                rs.getLong("price"), rs.getInt("hours"), Method.valueOf(rs.getString("method")),
                Arrays.asList((String[]) platforms.getArray()), rating, count, rs.getString("description"));
    }
}
