package org.prakerja.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to registered participants for the other modules. */
@Service
@Transactional(readOnly = true)
public class Participants {

    private final JdbcClient db;

    Participants(JdbcClient db) {
        this.db = db;
    }

    public Optional<Participant> find(UUID id) {
        return db.sql("SELECT * FROM participant WHERE id = ?").param(id).query(Participants::map).optional();
    }

    /** Where a participant's email goes, without reading the rest of the row. */
    public Optional<String> email(UUID id) {
        return db.sql("SELECT email FROM participant WHERE id = ?").param(id).query(String.class).optional();
    }

    /** Where a participant's SMS goes, without reading the rest of the row. */
    public Optional<String> phone(UUID id) {
        return db.sql("SELECT phone FROM participant WHERE id = ?").param(id).query(String.class).optional();
    }

    /** Phone numbers of many participants at once, for batch SMS. */
    public Map<UUID, String> phones(Collection<UUID> ids) {
        return db.sql("SELECT id, phone FROM participant WHERE id = ANY(?::uuid[])")
                .param(ids.toArray(UUID[]::new))
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public long count() {
        return db.sql("SELECT count(*) FROM participant").query(Long.class).single();
    }

    private static Participant map(ResultSet rs, int i) throws SQLException {
        return new Participant(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("full_name"),
                rs.getObject("birth_date", java.time.LocalDate.class),
                Gender.valueOf(rs.getString("gender")),
                EmploymentStatus.valueOf(rs.getString("employment_status")),
                rs.getBytes("nik_hash"),
                rs.getBytes("kk_hash"),
                new Participant.Declarations(rs.getBoolean("in_school"), rs.getBoolean("civil_servant"),
                        rs.getBoolean("security_forces"), rs.getBoolean("village_official"), rs.getBoolean("legislator")),
                rs.getTimestamp("email_verified_at") != null,
                rs.getTimestamp("phone_verified_at") != null,
                rs.getTimestamp("basic_test_passed_at") != null);
    }
}
