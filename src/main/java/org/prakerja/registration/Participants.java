package org.prakerja.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prakerja.common.DayValue;
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

    /** What a participant sees of their own account: the NIK only masked, as it is stored. */
    public record Profile(String fullName, String email, String phoneMasked, String nikMasked, java.time.LocalDate birthDate,
            Gender gender, String province, String city, Education education, EmploymentStatus employmentStatus) {
    }

    public Optional<Profile> profile(UUID id) {
        return db.sql("""
                SELECT full_name, email, phone, nik_masked, birth_date, gender, province, city, education, employment_status
                FROM participant WHERE id = ?
                """)
                .param(id)
                .query((rs, i) -> new Profile(rs.getString(1), rs.getString(2),
                        org.prakerja.common.Masking.lastFour(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, java.time.LocalDate.class), Gender.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getString(8), Education.valueOf(rs.getString(9)), EmploymentStatus.valueOf(rs.getString(10))))
                .optional();
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

    /**
     * What an operator's list of selected applicants shows of each (the NIK as it is stored, masked;
     * nothing that would let a leaked list impersonate anyone), for many participants in one query.
     */
    public record Listing(String fullName, String nikMasked, String province, String city) {
    }

    public Map<UUID, Listing> listings(Collection<UUID> ids) {
        var found = new HashMap<UUID, Listing>(ids.size() * 2);
        db.sql("SELECT id, full_name, nik_masked, province, city FROM participant WHERE id = ANY(?)")
                .param(ids.toArray(UUID[]::new))
                .query(rs -> {
                    found.put(rs.getObject(1, UUID.class),
                            new Listing(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        return found;
    }

    public long count() {
        return db.sql("SELECT count(*) FROM participant").query(Long.class).single();
    }

    /** Registrations per day from {@code from} to {@code to} (both included), days without any left out. */
    public List<DayValue> registeredPerDay(LocalDate from, LocalDate to, ZoneId zone) {
        return db.sql("""
                SELECT (created_at AT TIME ZONE ?)::date, count(*) FROM participant
                WHERE created_at >= ? AND created_at < ? GROUP BY 1 ORDER BY 1
                """)
                .params(zone.getId(), DayValue.start(from, zone), DayValue.end(to, zone))
                .query((rs, i) -> new DayValue(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
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
                rs.getTimestamp("basic_test_passed_at") != null,
                IdentityStatus.valueOf(rs.getString("identity_status")));
    }
}
