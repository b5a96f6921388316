package org.prakerja.partner;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.prakerja.common.CommonRefusal;
import org.prakerja.database.QueuedWrites;
import org.prakerja.web.DatabaseOutage;
import org.prakerja.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every partner POST is idempotent by X-External-Id. The request runs in one transaction that
 * first claims (partner, key) by inserting its row: concurrent retries wait on that row for the
 * first, then find its stored answer and replay it. The answer is stored in the same transaction as the
 * effect, so there is never an effect without its answer or the other way round. Server errors
 * roll back and are not stored, so they can be retried.
 */
@Component
class Idempotency {

    private static final Logger log = LoggerFactory.getLogger(Idempotency.class);

    private final JdbcClient db;
    private final QueuedWrites writes;
    private final TransactionTemplate tx;
    private final ProblemWriter problems;

    Idempotency(JdbcClient db, QueuedWrites writes, TransactionTemplate tx, ProblemWriter problems) {
        this.db = db;
        this.writes = writes;
        this.tx = tx;
        this.problems = problems;
    }

    private record Stored(byte[] requestHash, int status, String contentType, byte[] body) {
    }

    void handle(Partner partner, String externalId, byte[] body, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException {
        byte[] requestHash = requestHash(request, body);
        var wrapped = new ContentCachingResponseWrapper(response);
        try {
            tx.executeWithoutResult(status -> {
                // claiming the key is the lock: a second insert of the same key waits until the
                // first transaction ends, then finds its answer (or, if it rolled back, claims it).
                // created_at is when the request really arrived (wall clock, as for the signature
                // window), not the program's sandbox-movable Clock
                int claimed = db.sql("""
                        INSERT INTO partner_request (partner_id, external_id, request_hash, status, body, created_at)
                        VALUES (?, ?, ?, 0, ''::bytea, ?) ON CONFLICT DO NOTHING
                        """)
                        .params(partner.id(), externalId, requestHash, Timestamp.from(Instant.now()))
                        .update();
                try {
                    if (claimed == 0) {
                        replay(partner, externalId, requestHash, wrapped);
                        return;
                    }
                    chain.doFilter(request, wrapped);
                } catch (IOException | ServletException e) {
                    throw new IllegalStateException(e);
                }
                if (wrapped.getStatus() >= 500) {
                    status.setRollbackOnly();
                    return;
                }
                // sent with the commit, in the same round trip as the effect's last writes
                writes.queue("""
                        UPDATE partner_request SET status = ?, content_type = ?, body = ?
                        WHERE partner_id = ? AND external_id = ?
                        """, wrapped.getStatus(), wrapped.getContentType(), wrapped.getContentAsByteArray(),
                        partner.id(), externalId);
            });
        } catch (RuntimeException e) {
            wrapped.resetBuffer();
            if (DatabaseOutage.causedBy(e)) {
                log.warn("partner request not served: database unavailable partner={} error={}", partner.id(),
                        e.getClass().getSimpleName());
                wrapped.setHeader("Retry-After", "5");
                problems.write(wrapped, CommonRefusal.SERVICE_UNAVAILABLE,
                        "the service cannot reach its database; retry with the same X-External-Id in a few seconds");
            } else {
                // by class and SQL state only: a database message can quote the values of the failed row
                log.error("partner request failed, rolled back partner={} path={} error={} sqlState={}", partner.id(),
                        request.getRequestURI(), e.getClass().getName(), sqlState(e));
                problems.write(wrapped, CommonRefusal.INTERNAL_ERROR,
                        "something went wrong on our side; retry with the same X-External-Id");
            }
        }
        wrapped.copyBodyToResponse();
    }

    private void replay(Partner partner, String externalId, byte[] requestHash, ContentCachingResponseWrapper wrapped)
            throws IOException {
        var stored = db.sql("""
                SELECT request_hash, status, content_type, body FROM partner_request
                WHERE partner_id = ? AND external_id = ?
                """)
                .params(partner.id(), externalId)
                .query((rs, i) -> new Stored(rs.getBytes(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)))
                .single();
        if (!MessageDigest.isEqual(stored.requestHash(), requestHash)) {
            problems.write(wrapped, PartnerRefusal.IDEMPOTENCY_KEY_REUSED, "this X-External-Id was used before with a different request");
            return;
        }
        wrapped.setStatus(stored.status());
        if (stored.contentType() != null) {
            wrapped.setContentType(stored.contentType());
        }
        wrapped.getOutputStream().write(stored.body());
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return "-";
    }

    /** Same key, same request: method, path and body. */
    private static byte[] requestHash(HttpServletRequest request, byte[] body) {
        return Signatures.sha256Hex(
                (request.getMethod() + " " + request.getRequestURI() + " " + Signatures.sha256Hex(body)).getBytes())
                .getBytes();
    }
}
