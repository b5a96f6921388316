package org.prakerja.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditPartitionsTest {

    @Autowired
    AuditPartitions partitions;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;

    @Test
    @DisplayName("R-84 next months' partitions are made ahead, append-only like the trail (TRUNCATE included), "
            + "and an entry of such a month lands in its own; made again, nothing changes")
    void monthsAhead() {
        partitions.makeAhead(2);
        YearMonth next = YearMonth.now(clock.withZone(ZoneId.of("Asia/Jakarta"))).plusMonths(1);
        String first = "audit_entry_" + next.format(DateTimeFormatter.ofPattern("yyyy_MM"));
        String second = "audit_entry_" + next.plusMonths(1).format(DateTimeFormatter.ofPattern("yyyy_MM"));
        for (String table : new String[] {first, second}) {
            assertThat(db.sql("SELECT to_regclass(?) IS NOT NULL").param(table).query(Boolean.class).single())
                    .as(table).isTrue();
        }
        assertThat(partitions.makeAhead(2)).as("made again").isEmpty();

        var at = Timestamp.from(next.atDay(2).atStartOfDay(ZoneId.of("Asia/Jakarta")).toInstant());
        long id = tx.execute(s -> db.sql("""
                INSERT INTO audit_entry (at, actor, action, target) VALUES (?, 'test', 'PARTITION_CHECKED', 'audit')
                RETURNING id
                """).param(at).query(Long.class).single());
        assertThat(db.sql("SELECT tableoid::regclass::text FROM audit_entry WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo(first);

        assertThatThrownBy(() -> db.sql("TRUNCATE " + first).update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("UPDATE " + first + " SET detail = 'x' WHERE id = ?").param(id).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("DELETE FROM audit_entry WHERE id = ?").param(id).update())
                .rootCause().hasMessageContaining("append-only");
    }
}
