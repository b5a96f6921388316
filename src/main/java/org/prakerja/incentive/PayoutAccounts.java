package org.prakerja.incentive;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.prakerja.common.InvalidInput;
import org.prakerja.registration.Participants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-71 linking a payout account: an e-wallet on the registered phone or a bank account, held (as the
 * provider says) by the registered full name; refused while a payout to the current one is in
 * flight. Linking starts the instalment schedule and sends FAILED payouts again.
 */
@Service
public class PayoutAccounts {

    /** What became of a PUT /me/payout-account. */
    public sealed interface Linking {
        record Linked(PayoutAccount account) implements Linking {
        }

        record Refused(IncentiveRefusal reason) implements Linking {
        }
    }

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final PaymentProvider provider;
    private final Participants participants;
    private final Incentives incentives;
    private final Clock clock;

    PayoutAccounts(JdbcClient db, TransactionTemplate tx, PaymentProvider provider, Participants participants,
            Incentives incentives, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.provider = provider;
        this.participants = participants;
        this.incentives = incentives;
        this.clock = clock;
    }

    /**
     * An account number as stored: an e-wallet's phone as {@code +62…} (typed 08…, 62… or +62…), a
     * bank account's 10 to 16 digits. Anything else is 400 VALIDATION_FAILED on accountNumber.
     */
    public static String normalized(PayoutProvider provider, String accountNumber) {
        String n = accountNumber.strip();
        if (provider.eWallet()) {
            if (n.matches("^08[0-9]{7,12}$")) {
                return "+62" + n.substring(1);
            }
            if (n.matches("^628[0-9]{7,12}$")) {
                return "+" + n;
            }
            if (n.matches("^\\+628[0-9]{7,12}$")) {
                return n;
            }
            throw new InvalidInput("accountNumber", "an e-wallet number is a mobile number: 08…, 628… or +628…");
        }
        if (!n.matches("^[0-9]{10,16}$")) {
            throw new InvalidInput("accountNumber", "a bank account number is 10 to 16 digits");
        }
        return n;
    }

    public Optional<PayoutAccount> find(UUID participantId) {
        return db.sql("SELECT * FROM payout_account WHERE participant_id = ?").param(participantId)
                .query((rs, i) -> new PayoutAccount(rs.getObject("participant_id", UUID.class),
                        PayoutProvider.valueOf(rs.getString("provider")), rs.getString("account_number"),
                        rs.getString("holder_name"), rs.getTimestamp("validated_at").toInstant()))
                .optional();
    }

    public Linking link(UUID participantId, PayoutProvider chosen, String accountNumber) {
        String number = normalized(chosen, accountNumber);
        var participant = participants.find(participantId).orElseThrow();
        if (chosen.eWallet() && !number.equals(participant.phone())) {
            return new Linking.Refused(IncentiveRefusal.PHONE_MISMATCH);
        }
        if (inFlight(participantId)) {
            return new Linking.Refused(IncentiveRefusal.PAYOUT_IN_PROGRESS);
        }
        // the provider is asked outside any transaction: no lock waits on a remote answer
        var holder = switch (provider.inquire(chosen, number)) {
            case PaymentProvider.Inquiry.NotFound n -> null;
            case PaymentProvider.Inquiry.Holder h -> h.name();
        };
        if (holder == null) {
            return new Linking.Refused(IncentiveRefusal.PAYOUT_ACCOUNT_NOT_FOUND);
        }
        if (!HolderName.matches(holder, participant.fullName())) {
            return new Linking.Refused(IncentiveRefusal.HOLDER_NAME_MISMATCH);
        }
        return tx.execute(s -> {
            // a disbursement batch holds the payouts it takes (FOR UPDATE) until they are PROCESSING:
            // past these locks any payout it took shows as in flight, and while they are held here,
            // a batch skips them (SKIP LOCKED) and sends nothing to the account being replaced
            db.sql("SELECT id FROM incentive_payout WHERE participant_id = ? AND status <> 'PAID' ORDER BY id FOR UPDATE")
                    .param(participantId).query(UUID.class).list();
            db.sql("SELECT 1 FROM payout_account WHERE participant_id = ? FOR UPDATE").param(participantId)
                    .query(Integer.class).optional();
            if (inFlight(participantId)) {
                return new Linking.Refused(IncentiveRefusal.PAYOUT_IN_PROGRESS);
            }
            var now = clock.instant();
            db.sql("""
                    INSERT INTO payout_account (participant_id, provider, account_number, holder_name, validated_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (participant_id) DO UPDATE SET provider = EXCLUDED.provider,
                        account_number = EXCLUDED.account_number, holder_name = EXCLUDED.holder_name,
                        validated_at = EXCLUDED.validated_at
                    """)
                    .params(participantId, chosen.name(), number, holder, Timestamp.from(now))
                    .update();
            incentives.accountLinked(participantId);
            return new Linking.Linked(find(participantId).orElseThrow());
        });
    }

    private boolean inFlight(UUID participantId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM incentive_payout WHERE participant_id = ? AND status = 'PROCESSING')")
                .param(participantId).query(Boolean.class).single();
    }
}
