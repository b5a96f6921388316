package org.prakerja.card;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.prakerja.common.SecretBox;
import org.prakerja.database.QueuedWrites;
import org.prakerja.ledger.AccountId;
import org.prakerja.ledger.Ledger;
import org.prakerja.ledger.Movement;
import org.prakerja.scheme.Scheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R-24 designation of cards, R-30 their balance from the fund, and what a holder may see. */
@Service
@Transactional
public class Cards {

    private final JdbcClient db;
    private final QueuedWrites writes;
    private final SecretBox vault;
    private final Ledger ledger;
    private final Clock clock;

    Cards(JdbcClient db, QueuedWrites writes, SecretBox vault, Ledger ledger, Clock clock) {
        this.db = db;
        this.writes = writes;
        this.vault = vault;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Issues a card to each participant who has none (once in a lifetime) and credits its training
     * balance from the program fund, all in the caller's transaction and in a few set-based
     * statements. The balance and the first-purchase deadline are the wave's scheme's.
     * Returns the ids of the participants who got a card now.
     */
    public List<UUID> issue(List<UUID> participantIds, int wave, Scheme scheme) {
        Instant now = clock.instant();
        Instant deadline = now.plus(scheme.firstPurchaseWindow());
        List<UUID> issued = new ArrayList<>();
        List<UUID> pending = participantIds;
        // a number collision (1 in 10^13 per pair) only skips the row; draw again for those
        for (int round = 0; round < 5 && !pending.isEmpty(); round++) {
            int n = pending.size();
            var ids = new UUID[n];
            var hashes = new byte[n][];
            var sealed = new byte[n][];
            var last4 = new String[n];
            for (int i = 0; i < n; i++) {
                var number = CardNumber.random();
                ids[i] = UUID.randomUUID();
                hashes[i] = vault.hash("card", number.value());
                sealed[i] = vault.seal(number.value());
                last4[i] = number.last4();
            }
            var inserted = db.sql("""
                    INSERT INTO card (id, participant_id, wave_number, number_hash, number_encrypted, last4, status,
                        designated_at, purchase_deadline)
                    SELECT i, p, :wave, h, e, l, :status, :now, :deadline
                    FROM unnest(:ids::uuid[], :participants::uuid[], :hashes::bytea[], :sealed::bytea[], :last4::text[])
                        AS c(i, p, h, e, l)
                    ON CONFLICT DO NOTHING
                    RETURNING id, participant_id
                    """)
                    .param("wave", wave).param("status", CardStatus.ACTIVE.name()).param("now", Timestamp.from(now)).param("deadline", Timestamp.from(deadline))
                    .param("ids", ids).param("participants", pending.toArray(UUID[]::new))
                    .param("hashes", hashes).param("sealed", sealed).param("last4", last4)
                    .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                    .list();
            ledger.transferAll(inserted.stream()
                    .map(row -> new Movement(UUID.nameUUIDFromBytes(("designation:" + row[0]).getBytes()),
                            AccountId.PROGRAM_FUND, AccountId.cardBalance(row[0]), scheme.balancePerCard()))
                    .toList(), "R-30 training balance at designation, wave " + wave);
            // the account a purchase reserves into, opened now so a purchase never has to
            ledger.open(inserted.stream().map(row -> AccountId.reserved(row[0])).toList());
            inserted.forEach(row -> issued.add(row[1]));
            var missing = new ArrayList<>(pending);
            missing.removeAll(issued);
            pending = withoutCard(missing);
        }
        return issued;
    }

    @Transactional(readOnly = true)
    public Optional<CardView> ofParticipant(UUID participantId) {
        return db.sql("SELECT * FROM card WHERE participant_id = ?")
                .param(participantId)
                .query((rs, i) -> view(rs, ledger.balance(AccountId.cardBalance(rs.getObject("id", UUID.class)))))
                .optional();
    }

    /** The whole number, for its holder only. */
    @Transactional(readOnly = true)
    public Optional<String> fullNumber(UUID participantId) {
        return db.sql("SELECT number_encrypted FROM card WHERE participant_id = ?")
                .param(participantId)
                .query((rs, i) -> vault.open(rs.getBytes(1)))
                .optional();
    }

    /** A card found by the number a platform sent; only its id, holder and state. */
    public record CardRef(UUID cardId, UUID participantId, CardStatus status, Instant firstPurchaseAt) {
        /** R-33 only an active card buys. */
        public boolean active() {
            return status.canBuy();
        }
    }

    @Transactional(readOnly = true)
    public Optional<CardRef> findByNumber(String number) {
        if (!CardNumber.isWellFormed(number)) {
            return Optional.empty();
        }
        return db.sql("SELECT id, participant_id, status, first_purchase_at FROM card WHERE number_hash = ?")
                .param(vault.hash("card", number))
                .query(Cards::ref)
                .optional();
    }

    /**
     * Finds and locks the card for a purchase, so a purchase and a revocation cannot
     * pass each other, and returns its state as it is now.
     */
    public Optional<CardRef> lockForPurchase(String number) {
        if (!CardNumber.isWellFormed(number)) {
            return Optional.empty();
        }
        return db.sql("SELECT id, participant_id, status, first_purchase_at FROM card WHERE number_hash = ? FOR UPDATE")
                .param(vault.hash("card", number))
                .query(Cards::ref)
                .optional();
    }

    /** R-31 the first purchase stops the deadline. */
    public void recordFirstPurchase(UUID cardId) {
        writes.queue("UPDATE card SET first_purchase_at = coalesce(first_purchase_at, ?) WHERE id = ?",
                Timestamp.from(clock.instant()), cardId);
    }

    private static CardRef ref(ResultSet rs, int i) throws SQLException {
        return new CardRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), CardStatus.valueOf(rs.getString(3)),
                Optional.ofNullable(rs.getTimestamp(4)).map(Timestamp::toInstant).orElse(null));
    }

    @Transactional(readOnly = true)
    public long countByStatus(CardStatus status) {
        return db.sql("SELECT count(*) FROM card WHERE status = ?").param(status.name()).query(Long.class).single();
    }

    private List<UUID> withoutCard(List<UUID> participantIds) {
        if (participantIds.isEmpty()) {
            return List.of();
        }
        return db.sql("""
                SELECT p FROM unnest(?::uuid[]) AS p WHERE NOT EXISTS (SELECT 1 FROM card c WHERE c.participant_id = p)
                """)
                .param(participantIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    private static CardView view(ResultSet rs, org.prakerja.common.Rupiah balance) throws SQLException {
        return new CardView(rs.getObject("id", UUID.class), rs.getInt("wave_number"),
                "************" + rs.getString("last4"), CardStatus.valueOf(rs.getString("status")), balance.amount(),
                rs.getTimestamp("purchase_deadline").toInstant(),
                Optional.ofNullable(rs.getTimestamp("first_purchase_at")).map(Timestamp::toInstant).orElse(null),
                rs.getString("deactivation_reason"));
    }
}
