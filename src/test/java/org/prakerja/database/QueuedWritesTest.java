package org.prakerja.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queued writes behave as if they had run at once: later statements see them, a commit keeps
 * them, a rollback drops them, and a failing one fails its whole transaction.
 */
@IntegrationTest
class QueuedWritesTest {

    @Autowired
    QueuedWrites writes;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;

    private final String tag = UUID.randomUUID().toString();

    @BeforeEach
    void table() {
        db.sql("CREATE TABLE IF NOT EXISTS queued_probe (tag text NOT NULL, n int NOT NULL UNIQUE, note text)").update();
    }

    private long count() {
        return db.sql("SELECT count(*) FROM queued_probe WHERE tag = ?").param(tag).query(Long.class).single();
    }

    private int fresh() {
        return (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000);
    }

    @Test
    @DisplayName("a statement later in the transaction sees the queued writes, in the order they were queued")
    void laterStatementsSeeThem() {
        int a = fresh();
        var seen = tx.execute(s -> {
            writes.queue("INSERT INTO queued_probe (tag, n, note) VALUES (?, ?, ?)", tag, a, null);
            writes.queue("UPDATE queued_probe SET note = ? WHERE n = ?", "second", a);
            return db.sql("SELECT note FROM queued_probe WHERE n = ?").param(a).query(String.class).single();
        });
        assertThat(seen).isEqualTo("second");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    @DisplayName("queued writes are kept by the commit they ride with, and dropped by a rollback")
    void commitKeepsRollbackDrops() {
        tx.executeWithoutResult(s -> {
            writes.queue("INSERT INTO queued_probe (tag, n) VALUES (?, ?)", tag, fresh());
            writes.queue("INSERT INTO queued_probe (tag, n) VALUES (?, ?)", tag, fresh());
        });
        assertThat(count()).isEqualTo(2);

        tx.executeWithoutResult(s -> {
            writes.queue("INSERT INTO queued_probe (tag, n) VALUES (?, ?)", tag, fresh());
            s.setRollbackOnly();
        });
        assertThat(count()).isEqualTo(2);

        // the connection goes back to the pool clean: the next transaction commits only its own write
        tx.executeWithoutResult(s -> db.sql("INSERT INTO queued_probe (tag, n) VALUES (?, ?)")
                .params(tag, fresh()).update());
        assertThat(count()).isEqualTo(3);
    }

    @Test
    @DisplayName("a queued write that fails fails its transaction: nothing of it is kept")
    void failureRollsBackEverything() {
        int taken = fresh();
        writes.queue("INSERT INTO queued_probe (tag, n) VALUES (?, ?)", tag, taken); // no transaction: runs at once
        assertThat(count()).isEqualTo(1);

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            db.sql("INSERT INTO queued_probe (tag, n) VALUES (?, ?)").params(tag, fresh()).update();
            writes.queue("INSERT INTO queued_probe (tag, n) VALUES (?, ?)", tag, fresh());
            writes.queue("INSERT INTO queued_probe (tag, n) VALUES (?, ?)", tag, taken);
        })).hasMessageContaining("queued_probe_n_key");
        assertThat(count()).isEqualTo(1);

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            writes.queue("INSERT INTO queued_probe (tag, n) VALUES (?, ?)", tag, taken);
            db.sql("SELECT 1").query(Integer.class).single();
        })).hasMessageContaining("queued_probe_n_key");
        assertThat(count()).isEqualTo(1);
    }
}
