package org.prakerja.login;

import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The portal's and console's sessions (Spring Session JDBC, V40) end with the account's tokens
 * in the same transaction: a session is filed under the account's subject id
 * ({@link CurrentUser#getName()}).
 */
@Component
class WebSessions {

    private final JdbcClient db;

    WebSessions(JdbcClient db) {
        this.db = db;
    }

    /** A password changed in one session ends the account's others (a phone left signed in elsewhere). */
    void endAllBut(UUID subjectId, String sessionId) {
        db.sql("DELETE FROM spring_session WHERE principal_name = ? AND session_id <> ?")
                .params(subjectId.toString(), sessionId).update();
    }

    @EventListener
    void end(EverySessionEnded ended) {
        db.sql("""
                DELETE FROM spring_session
                WHERE principal_name = (SELECT subject_id::text FROM credential WHERE id = ?)
                """).param(ended.accountId()).update();
    }
}
