package org.prakerja.incentive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.prakerja.ledger.AccountId;
import org.prakerja.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What the ledger says about one participant's incentives, read from its transfers by their derived ids. */
final class LedgerView {

    private LedgerView() {
    }

    /** Payout id → what was posted to PAID_OUT for it, over all its sends. */
    static Map<UUID, Long> paidOutByPayout(JdbcClient db, UUID participant) {
        Map<UUID, Long> out = new HashMap<>();
        db.sql("SELECT id, attempts FROM incentive_payout WHERE participant_id = ?").param(participant)
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2))).list()
                .forEach(p -> {
                    for (int attempt = 1; attempt <= p.getValue(); attempt++) {
                        db.sql("""
                                SELECT amount FROM ledger_transfer
                                WHERE kind = 'POST' AND pending_id = ? AND credit_account = 'PAID_OUT'
                                """).param(PayoutIds.send(p.getKey(), attempt)).query(Long.class).optional()
                                .ifPresent(amount -> out.merge(p.getKey(), amount, Long::sum));
                    }
                });
        return out;
    }

    /** Everything the fund moved to the participant's incentive payable. */
    static long fundedFor(JdbcClient db, UUID participant) {
        return db.sql("""
                SELECT coalesce(sum(amount), 0) FROM ledger_transfer
                WHERE debit_account = 'PROGRAM_FUND' AND credit_account = ?
                """).param(AccountId.incentivePayable(participant).value()).query(Long.class).single();
    }

    /** What is still held for the participant: payable, and in flight (its sends still pending). */
    static long heldFor(JdbcClient db, UUID participant) {
        String payable = AccountId.incentivePayable(participant).value();
        return db.sql("""
                SELECT (SELECT coalesce(sum(balance), 0) FROM ledger_account WHERE id = :payable)
                     + (SELECT coalesce(sum(amount), 0) FROM ledger_transfer
                        WHERE debit_account = :payable AND credit_account = :inFlight AND kind = 'PENDING' AND state = 'PENDING')
                """)
                .param("payable", payable).param("inFlight", AccountId.INCENTIVE_IN_FLIGHT.value())
                .query(Long.class).single();
    }

    /** What the stand-in provider paid to an account (GET /sandbox/payouts). */
    static List<JsonNode> paidTo(Api api, String account) {
        var r = api.get("/sandbox/payouts?accountNumber=" + account.replace("+", "%2B"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        var out = new ArrayList<JsonNode>();
        r.body().forEach(out::add);
        return out;
    }

    /**
     * R-72 what the provider paid equals what the ledger paid out, payout by payout, equals what was
     * earned and paid; and the fund's decrease for the participant's incentives is what was paid out
     * plus what is still held.
     */
    static void assertMoneyAgrees(JdbcClient db, Api api, UUID participant, List<String> accounts, long paid) {
        Map<UUID, Long> provider = new HashMap<>();
        for (String account : accounts) {
            paidTo(api, account).forEach(p -> assertThat(provider.put(UUID.fromString(p.get("payoutId").asString()),
                    p.get("amount").asLong())).as("paid once").isNull());
        }
        Map<UUID, Long> ledger = paidOutByPayout(db, participant);
        assertThat(ledger).as("paid out by the ledger, payout by payout, against the provider").isEqualTo(provider);
        assertThat(ledger.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(paid);
        long recordedPaid = db.sql("SELECT coalesce(sum(amount), 0) FROM incentive_payout WHERE participant_id = ? AND status = 'PAID'")
                .param(participant).query(Long.class).single();
        assertThat(recordedPaid).as("payouts recorded PAID").isEqualTo(paid);
        assertThat(fundedFor(db, participant)).as("the fund's decrease").isEqualTo(paid + heldFor(db, participant));
    }
}
