package org.prakerja.incentive.provider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.prakerja.incentive.PaymentProvider;
import org.prakerja.incentive.PaymentProvider.PayoutResult;
import org.prakerja.incentive.PayoutProvider;
import org.prakerja.registration.Participants;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment provider's local stand-in. It keeps its books in tables of its own (V23), so what it
 * paid survives a crash of the service and two instances see one provider; it answers by the
 * transfer's reference like a real one: a reference it has paid is paid, whatever is asked again (it
 * notes the payout id beside each payment, so the sandbox and the tests see payments per payout). An e-wallet number is
 * known when it is a registered phone (held by that participant); bank accounts come from its
 * directory. It fails on demand: REJECT refuses the next payouts to an account, TIMEOUT pays them
 * and loses the answer. Each of its acts is its own transaction, never part of the caller's. It
 * runs only where {@code common/OutsideSystems} puts a stand-in, and its tables exist only there
 * (db/stand-ins).
 */
@Component
@ConditionalOnProperty(name = "prakerja.adapters.payment", havingValue = "stand-in")
public class LocalPaymentProvider implements PaymentProvider {

    /** The reason a REJECT failure gives, as a provider's code. */
    public static final String REJECTED = "ACCOUNT_REJECTED";

    private final JdbcClient db;
    private final DataSource dataSource;
    private final Participants participants;
    private final Clock clock;

    LocalPaymentProvider(JdbcClient db, DataSource dataSource, Participants participants, Clock clock) {
        this.db = db;
        this.dataSource = dataSource;
        this.participants = participants;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Inquiry inquire(PayoutProvider provider, String accountNumber) {
        var listed = db.sql("SELECT holder_name FROM provider_directory WHERE provider = ? AND account_number = ?")
                .params(provider.name(), accountNumber).query(String.class).optional();
        if (listed.isPresent()) {
            return new Inquiry.Holder(listed.get());
        }
        if (provider.eWallet()) {
            return participants.findByPhone(accountNumber).<Inquiry>map(p -> new Inquiry.Holder(p.fullName()))
                    .orElse(new Inquiry.NotFound());
        }
        return new Inquiry.NotFound();
    }

    /** A failure on demand is used up only by a payout it refuses or loses. */
    private static final String PAY = """
            WITH own_disk AS (SELECT set_config('synchronous_commit', 'off', true) AS off),
            failure AS (
                UPDATE provider_failure SET remaining = remaining - 1
                WHERE account_number = ? AND remaining > 0
                  AND NOT EXISTS (SELECT 1 FROM provider_payment WHERE reference = ?)
                RETURNING mode),
            refused AS (
                INSERT INTO provider_refusal (payout_id, reason, refused_at)
                SELECT ?, ?, ? FROM failure WHERE mode = 'REJECT'
                RETURNING 1),
            paid AS (
                INSERT INTO provider_payment (reference, payout_id, provider, account_number, amount, paid_at)
                SELECT ?, ?, ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM failure WHERE mode = 'REJECT')
                ON CONFLICT (reference) DO NOTHING
                RETURNING paid_at)
            SELECT (SELECT mode FROM failure), (SELECT paid_at FROM paid),
                   (SELECT paid_at FROM provider_payment WHERE reference = ?), (SELECT count(*) FROM refused),
                   (SELECT off FROM own_disk)
            """;

    /**
     * One statement on a connection of its own, in its own transaction whatever the caller's,
     * committed without waiting for its WAL flush: the stand-in plays a system on another machine,
     * whose disk would not be this database's. Its answers still survive a crash of the service
     * (only a crash of PostgreSQL itself could lose the last ones). Plain JDBC: it is called once
     * per payout, and a disbursement of 200,000 spent a fifth of its time here (bench/RESULTS.md).
     */
    @Override
    public PayoutResult pay(Transfer transfer) {
        UUID reference = transfer.reference();
        String accountNumber = transfer.accountNumber();
        var now = Timestamp.from(clock.instant());
        Answer answer;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(PAY)) {
            c.setAutoCommit(true);
            Object[] values = {accountNumber, reference, reference, REJECTED, now, reference, transfer.payoutId(),
                transfer.provider().name(), accountNumber, transfer.amount().amount(), now, reference};
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                answer = new Answer(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)));
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("the stand-in provider's books", e);
        }
        if (answer.earlier() != null) {
            return new PayoutResult.Paid(answer.earlier());
        }
        if ("REJECT".equals(answer.failure())) {
            return new PayoutResult.Refused(REJECTED);
        }
        if ("TIMEOUT".equals(answer.failure())) {
            return new PayoutResult.Unknown();
        }
        if (answer.paidNow() != null) {
            return new PayoutResult.Paid(answer.paidNow());
        }
        // the same reference paid by a request that committed while this one ran
        return status(transfer);
    }

    @Override
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public PayoutResult status(Transfer transfer) {
        return db.sql("""
                SELECT (SELECT paid_at FROM provider_payment WHERE reference = :id),
                       (SELECT reason FROM provider_refusal WHERE payout_id = :id ORDER BY refused_at DESC LIMIT 1)
                """)
                .param("id", transfer.reference())
                .query((rs, i) -> rs.getTimestamp(1) != null ? new PayoutResult.Paid(rs.getTimestamp(1).toInstant())
                        : rs.getString(2) != null ? new PayoutResult.Refused(rs.getString(2)) : (PayoutResult) new PayoutResult.Unknown())
                .single();
    }

    /** POST /sandbox/payout-accounts: a bank account in the directory (or an e-wallet under another name). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void list(PayoutProvider provider, String accountNumber, String holderName) {
        db.sql("""
                INSERT INTO provider_directory (provider, account_number, holder_name) VALUES (?, ?, ?)
                ON CONFLICT (provider, account_number) DO UPDATE SET holder_name = EXCLUDED.holder_name
                """).params(provider.name(), accountNumber, holderName).update();
    }

    /** POST /sandbox/payouts/failures. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void failNext(String accountNumber, String mode, int times) {
        db.sql("""
                INSERT INTO provider_failure (account_number, mode, remaining) VALUES (?, ?, ?)
                ON CONFLICT (account_number) DO UPDATE SET mode = EXCLUDED.mode, remaining = EXCLUDED.remaining
                """).params(accountNumber, mode, times).update();
    }

    /** DELETE /sandbox/payouts/failures/{accountNumber}; false when there was none. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean clearFailures(String accountNumber) {
        return db.sql("DELETE FROM provider_failure WHERE account_number = ?").param(accountNumber).update() > 0;
    }

    /** What it paid, as GET /sandbox/payouts shows it. */
    public record Payment(UUID payoutId, String accountNumber, long amount, Instant paidAt) {
    }

    /** What it paid, newest first: to one account, or (at most {@code limit}) to all. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<Payment> payments(Optional<String> accountNumber, int limit) {
        return db.sql("""
                SELECT payout_id, account_number, amount, paid_at FROM provider_payment
                WHERE (CAST(:account AS text) IS NULL OR account_number = :account)
                ORDER BY paid_at DESC, payout_id LIMIT :limit
                """)
                .param("account", accountNumber.orElse(null), java.sql.Types.VARCHAR).param("limit", limit)
                .query((rs, i) -> new Payment(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private record Answer(String failure, Instant paidNow, Instant earlier) {
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
