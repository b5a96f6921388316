package org.prakerja.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
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

    /**
     * A participant's phone, without reading the rest of the row; for showing it masked (the OTP
     * answer). Messages need no address: the outbox relay finds it through this module's
     * {@code participant_contact} view (V16), registration's one SQL-level question.
     */
    public Optional<String> phone(UUID id) {
        return db.sql("SELECT phone FROM participant WHERE id = ?").param(id).query(String.class).optional();
    }

    /** The participant registered with this phone ({@code +62…}), if any. */
    public Optional<Participant> findByPhone(String phone) {
        return db.sql("SELECT * FROM participant WHERE phone = ?").param(phone).query(Participants::map).optional();
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
