package org.prakerja.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.prakerja.common.Rupiah;
import org.prakerja.ledger.TransferResult.Done;
import org.prakerja.ledger.TransferResult.Reason;
import org.prakerja.ledger.TransferResult.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The double-entry ledger, in the manner of TigerBeetle's two-phase transfers: money moves only
 * as transfers with a client-chosen id, two accounts and an amount; a pending transfer is posted
 * or voided exactly once. Every method joins the caller's transaction, so a refusal changes
 * nothing and a success commits with the caller's own change.
 */
@Service
@Transactional
public class Ledger {

    private final JdbcClient db;
    private final Clock clock;

    Ledger(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A final transfer. Repeating it with the same id and body changes nothing. */
    public TransferResult transfer(UUID id, AccountId debit, AccountId credit, Rupiah amount, String memo) {
        return move(id, debit, credit, amount, TransferKind.SINGLE, memo);
    }

    /** Reserves {@code amount}: it leaves {@code debit} now and waits in {@code reserved} until posted or voided. */
    public TransferResult reserve(UUID id, AccountId debit, AccountId reserved, Rupiah amount, String memo) {
        return move(id, debit, reserved, amount, TransferKind.PENDING, memo);
    }

    /** Pays a pending transfer out of its reserved account to {@code to}. */
    public TransferResult post(UUID id, UUID pendingId, AccountId to, String memo) {
        return resolve(id, pendingId, TransferKind.POST, to, memo);
    }

    /** Returns a pending transfer's amount to the account it came from. */
    public TransferResult voidPending(UUID id, UUID pendingId, String memo) {
        return resolve(id, pendingId, TransferKind.VOID, null, memo);
    }

    @Transactional(readOnly = true)
    public Rupiah balance(AccountId account) {
        return Rupiah.of(signedBalance(account));
    }

    /** Opens accounts that have had no transfer yet, so their first transfer finds them. */
    public void open(Collection<AccountId> accounts) {
        if (!accounts.isEmpty()) {
            openAccounts(accounts.stream().map(AccountId::value).toArray(String[]::new));
        }
    }

    /**
     * Records a batch of final transfers in one set-based statement. Transfers whose id exists
     * already are skipped, so a batch that is run again moves nothing twice. Returns how many
     * transfers were new.
     */
    public int transferAll(List<Movement> movements, String memo) {
        if (movements.isEmpty()) {
            return 0;
        }
        int n = movements.size();
        var ids = new UUID[n];
        var debits = new String[n];
        var credits = new String[n];
        var amounts = new Long[n];
        for (int i = 0; i < n; i++) {
            var m = movements.get(i);
            ids[i] = m.transferId();
            debits[i] = m.debit().value();
            credits[i] = m.credit().value();
            amounts[i] = m.amount().amount();
        }
        openAccounts(Stream.concat(Arrays.stream(debits), Arrays.stream(credits)).toArray(String[]::new));
        return db.sql("""
                WITH t AS (
                    INSERT INTO ledger_transfer (id, debit_account, credit_account, amount, kind, state, memo, created_at)
                    SELECT i, d, c, a, :kind, :state, :memo, :now
                    FROM unnest(:ids::uuid[], :debits::text[], :credits::text[], :amounts::bigint[]) AS m(i, d, c, a)
                    ON CONFLICT (id) DO NOTHING
                    RETURNING debit_account, credit_account, amount),
                deltas AS (
                    SELECT account, sum(delta) AS delta FROM (
                        SELECT debit_account AS account, -amount AS delta FROM t
                        UNION ALL
                        SELECT credit_account, amount FROM t) d
                    GROUP BY account),
                applied AS (
                    UPDATE ledger_account a SET balance = a.balance + deltas.delta
                    FROM deltas WHERE a.id = deltas.account
                    RETURNING 1)
                SELECT count(*) FROM t
                """)
                .param("memo", memo)
                .param("kind", TransferKind.SINGLE.name())
                .param("state", TransferKind.SINGLE.initialState().name())
                .param("now", now())
                .param("ids", ids)
                .param("debits", debits)
                .param("credits", credits)
                .param("amounts", amounts)
                .query(Integer.class)
                .single();
    }

    /**
     * Reserves a batch in one set-based statement: each movement leaves its debit account now and
     * waits in its credit account as a pending transfer, to be posted or voided ({@link #postAll},
     * {@link #voidAll}). Ids that exist already are skipped (a batch run again reserves nothing
     * twice). The accounts are locked in a fixed order first, so two batches cannot deadlock; a
     * debit that would go below zero fails the whole batch (the caller's transaction rolls back).
     * Returns how many were new.
     */
    public int reserveAll(List<Movement> movements, String memo) {
        if (movements.isEmpty()) {
            return 0;
        }
        int n = movements.size();
        var ids = new UUID[n];
        var debits = new String[n];
        var credits = new String[n];
        var amounts = new Long[n];
        for (int i = 0; i < n; i++) {
            var m = movements.get(i);
            ids[i] = m.transferId();
            debits[i] = m.debit().value();
            credits[i] = m.credit().value();
            amounts[i] = m.amount().amount();
        }
        var accounts = Stream.concat(Arrays.stream(debits), Arrays.stream(credits)).distinct().sorted()
                .toArray(String[]::new);
        lockOpening(accounts);
        return db.sql("""
                WITH t AS (
                    INSERT INTO ledger_transfer (id, debit_account, credit_account, amount, kind, state, memo, created_at)
                    SELECT i, d, c, a, :kind, :state, :memo, :now
                    FROM unnest(:ids::uuid[], :debits::text[], :credits::text[], :amounts::bigint[]) AS m(i, d, c, a)
                    ON CONFLICT (id) DO NOTHING
                    RETURNING debit_account, credit_account, amount),
                deltas AS (
                    SELECT account, sum(delta) AS delta FROM (
                        SELECT debit_account AS account, -amount AS delta FROM t
                        UNION ALL
                        SELECT credit_account, amount FROM t) d
                    GROUP BY account),
                applied AS (
                    UPDATE ledger_account a SET balance = a.balance + deltas.delta
                    FROM deltas WHERE a.id = deltas.account
                    RETURNING 1)
                SELECT count(*) FROM t
                """)
                .param("memo", memo)
                .param("kind", TransferKind.PENDING.name())
                .param("state", TransferKind.PENDING.initialState().name())
                .param("now", now())
                .param("ids", ids).param("debits", debits).param("credits", credits).param("amounts", amounts)
                .query(Integer.class)
                .single();
    }

    /** One pending transfer to resolve, by a transfer of its own id; {@code to} only for a post. */
    public record Resolution(UUID transferId, UUID pendingId, AccountId to) {
    }

    /**
     * Posts a batch of pending transfers in one set-based statement, each to its {@code to}.
     * A pending transfer already resolved is skipped, whoever resolved it: the partial unique index
     * lets each be resolved once. Returns the ids of the pending transfers posted now.
     */
    public List<UUID> postAll(List<Resolution> resolutions, String memo) {
        return resolveAll(resolutions, TransferKind.POST, memo);
    }

    /** Voids a batch of pending transfers back to where they came from; as {@link #postAll}. */
    public List<UUID> voidAll(List<Resolution> resolutions, String memo) {
        return resolveAll(resolutions, TransferKind.VOID, memo);
    }

    private List<UUID> resolveAll(List<Resolution> resolutions, TransferKind kind, String memo) {
        if (resolutions.isEmpty()) {
            return List.of();
        }
        int n = resolutions.size();
        var ids = new UUID[n];
        var pendings = new UUID[n];
        var targets = new String[n];
        for (int i = 0; i < n; i++) {
            var r = resolutions.get(i);
            ids[i] = r.transferId();
            pendings[i] = r.pendingId();
            targets[i] = kind == TransferKind.POST ? r.to().value() : null;
        }
        // the pending transfers, then every account they touch, each in a fixed order
        var pending = db.sql("""
                SELECT id, debit_account, credit_account FROM ledger_transfer
                WHERE id = ANY(:pendings::uuid[]) AND kind = :kind AND state = :state
                ORDER BY id FOR UPDATE
                """)
                .param("pendings", pendings).param("kind", TransferKind.PENDING.name())
                .param("state", TransferState.PENDING.name())
                .query((rs, i) -> List.of(rs.getString(2), rs.getString(3)))
                .list();
        if (pending.isEmpty()) {
            return List.of();
        }
        var accounts = Stream.concat(pending.stream().flatMap(List::stream),
                Arrays.stream(targets).filter(java.util.Objects::nonNull)).distinct().sorted().toArray(String[]::new);
        lockOpening(accounts);
        return db.sql("""
                WITH r AS (
                    SELECT r.id, p.id AS pending_id, p.credit_account AS source,
                           CASE WHEN :kind = 'POST' THEN r.target ELSE p.debit_account END AS target, p.amount
                    FROM unnest(:ids::uuid[], :pendings::uuid[], :targets::text[]) AS r(id, pending, target)
                    JOIN ledger_transfer p ON p.id = r.pending AND p.kind = 'PENDING' AND p.state = 'PENDING'),
                t AS (
                    INSERT INTO ledger_transfer (id, debit_account, credit_account, amount, kind, pending_id, state, memo,
                        created_at)
                    SELECT id, source, target, amount, :kind, pending_id, :state, :memo, :now FROM r
                    ON CONFLICT DO NOTHING
                    RETURNING pending_id, debit_account, credit_account, amount),
                deltas AS (
                    SELECT account, sum(delta) AS delta FROM (
                        SELECT debit_account AS account, -amount AS delta FROM t
                        UNION ALL
                        SELECT credit_account, amount FROM t) d
                    GROUP BY account),
                applied AS (
                    UPDATE ledger_account a SET balance = a.balance + deltas.delta
                    FROM deltas WHERE a.id = deltas.account
                    RETURNING 1),
                resolved AS (
                    UPDATE ledger_transfer p SET state = :resolved
                    FROM t WHERE p.id = t.pending_id
                    RETURNING p.id)
                SELECT id FROM resolved
                """)
                .param("kind", kind.name())
                .param("state", kind.initialState().name())
                .param("resolved", TransferState.RESOLVED.name())
                .param("memo", memo)
                .param("now", now())
                .param("ids", ids).param("pendings", pendings).param("targets", targets)
                .query(UUID.class)
                .list();
    }

    /**
     * Locks the accounts in their one order, so two batches cannot deadlock, and opens those that do
     * not exist yet. Those are opened after the others are locked: this transaction holds a row it
     * inserted until it commits, and only a transaction inserting the same account waits for it, which
     * has its own locks already and waits for none of ours. A batch's accounts mostly exist, and
     * looking them up once instead of trying to insert each first cost a disbursement a twentieth of
     * its time (bench/RESULTS.md).
     */
    private void lockOpening(String[] sortedAccounts) {
        var found = new HashSet<>(lockInOrder(sortedAccounts));
        if (found.size() < sortedAccounts.length) {
            var missing = Arrays.stream(sortedAccounts).filter(a -> !found.contains(a)).toArray(String[]::new);
            openAccounts(missing);
            // opened meanwhile by another transaction, which has committed: locked like the others
            lockInOrder(missing);
        }
    }

    private List<String> lockInOrder(String[] sortedAccounts) {
        return db.sql("SELECT id FROM ledger_account WHERE id = ANY(?::text[]) ORDER BY id FOR UPDATE")
                .param(sortedAccounts).query(String.class).list();
    }

    /**
     * Moves the whole balance of each account in {@code from} to {@code to}, one transfer each,
     * with ids derived from {@code purpose} and the account, so running it twice moves nothing
     * twice. Returns the sum moved.
     */
    public Rupiah returnWholeBalances(Collection<AccountId> from, AccountId to, String purpose) {
        if (from.isEmpty()) {
            return Rupiah.ZERO;
        }
        openAccounts(to.value());
        var sources = from.stream().map(AccountId::value).sorted().toArray(String[]::new);
        Long moved = db.sql("""
                WITH src AS (
                    SELECT id, balance FROM ledger_account
                    WHERE id = ANY(:sources::text[]) AND balance > 0
                    ORDER BY id FOR UPDATE),
                t AS (
                    INSERT INTO ledger_transfer (id, debit_account, credit_account, amount, kind, state, memo, created_at)
                    SELECT md5(:purpose || ':' || src.id)::uuid, src.id, :to, src.balance, :kind, :state, :purpose, :now
                    FROM src
                    ON CONFLICT (id) DO NOTHING
                    RETURNING debit_account, amount),
                out AS (
                    UPDATE ledger_account a SET balance = a.balance - t.amount
                    FROM t WHERE a.id = t.debit_account
                    RETURNING t.amount),
                inn AS (
                    UPDATE ledger_account a SET balance = a.balance + (SELECT coalesce(sum(amount), 0) FROM t)
                    WHERE a.id = :to
                    RETURNING 1)
                SELECT coalesce(sum(amount), 0) FROM out
                """)
                .param("sources", sources)
                .param("purpose", purpose)
                .param("kind", TransferKind.SINGLE.name())
                .param("state", TransferKind.SINGLE.initialState().name())
                .param("to", to.value())
                .param("now", now())
                .query(Long.class)
                .single();
        return Rupiah.of(moved);
    }

    /**
     * What each kind of account holds, and how many accounts there are, from the accounts' kept
     * balances alone: one pass over the accounts (two per card), never over the transfers, which
     * grow with every purchase. The console shows this on every view; {@link #reconcile()} also
     * checks each balance against its transfers and is run on request.
     */
    @Transactional(readOnly = true)
    public AccountTotals totals() {
        Map<AccountKind, Long> balances = new EnumMap<>(AccountKind.class);
        Map<AccountKind, Long> accounts = new EnumMap<>(AccountKind.class);
        for (AccountKind kind : AccountKind.values()) {
            balances.put(kind, 0L);
            accounts.put(kind, 0L);
        }
        db.sql("SELECT kind, sum(balance), count(*) FROM ledger_account GROUP BY kind")
                .query(rs -> {
                    var kind = AccountKind.valueOf(rs.getString(1));
                    balances.put(kind, rs.getLong(2));
                    accounts.put(kind, rs.getLong(3));
                });
        return new AccountTotals(balances, accounts, balances.values().stream().mapToLong(Long::longValue).sum());
    }

    /** Sum of balances by kind; balanced when they add up to zero and every account matches its transfers. */
    @Transactional(readOnly = true)
    public Reconciliation reconcile() {
        Map<AccountKind, Long> byKind = new EnumMap<>(AccountKind.class);
        for (AccountKind kind : AccountKind.values()) {
            byKind.put(kind, 0L);
        }
        db.sql("SELECT kind, sum(balance) AS total FROM ledger_account GROUP BY kind")
                .query((rs, i) -> Map.entry(AccountKind.valueOf(rs.getString("kind")), rs.getLong("total")))
                .list()
                .forEach(e -> byKind.put(e.getKey(), e.getValue()));
        long total = byKind.values().stream().mapToLong(Long::longValue).sum();
        long mismatched = db.sql("""
                SELECT count(*) FROM ledger_account a
                LEFT JOIN (
                    SELECT account, sum(delta) AS sum FROM (
                        SELECT debit_account AS account, -amount AS delta FROM ledger_transfer
                        UNION ALL
                        SELECT credit_account, amount FROM ledger_transfer) d
                    GROUP BY account) t ON t.account = a.id
                WHERE a.balance <> coalesce(t.sum, 0)
                """).query(Long.class).single();
        return new Reconciliation(total == 0 && mismatched == 0, total, byKind, mismatched);
    }

    private TransferResult move(UUID id, AccountId debit, AccountId credit, Rupiah amount, TransferKind kind,
            String memo) {
        new Movement(id, debit, credit, amount);
        var locked = lock(debit, credit);
        if (locked.size() < 2) {
            // an account's first transfer opens it (cards open theirs when issued)
            openAccounts(debit.value(), credit.value());
            locked = lock(debit, credit);
        }
        var source = locked.stream().filter(a -> a.id().equals(debit.value())).findFirst().orElseThrow();
        if (!source.mayGoNegative() && source.balance() < amount.amount()) {
            // a transfer done earlier with this id stays done, though the balance no longer covers it again
            return earlier(id, debit, credit, amount, kind).orElse(new Refused(Reason.INSUFFICIENT_FUNDS));
        }
        var after = applyAndRecord(id, debit.value(), credit.value(), amount.amount(), kind, null, memo);
        if (after.isEmpty()) {
            // the id was taken: by this same transfer earlier (a replay) or by another one
            return earlier(id, debit, credit, amount, kind).orElseThrow();
        }
        return new Done(id, false, after.get());
    }

    /** What an earlier transfer with this id means for a request to make it again. */
    private Optional<TransferResult> earlier(UUID id, AccountId debit, AccountId credit, Rupiah amount,
            TransferKind kind) {
        return find(id).map(t -> t.debit().equals(debit.value()) && t.credit().equals(credit.value())
                && t.amount() == amount.amount() && t.kind() == kind
                        ? new Done(id, true, signedBalance(debit))
                        : new Refused(Reason.ID_REUSED));
    }

    /** Locks both accounts in a fixed order, so opposite transfers cannot deadlock. */
    private List<LockedAccount> lock(AccountId debit, AccountId credit) {
        return db.sql("""
                SELECT id, balance, may_go_negative FROM ledger_account
                WHERE id IN (?, ?) ORDER BY id FOR UPDATE
                """)
                .params(debit.value(), credit.value())
                .query((rs, i) -> new LockedAccount(rs.getString(1), rs.getLong(2), rs.getBoolean(3)))
                .list();
    }

    private TransferResult resolve(UUID id, UUID pendingId, TransferKind kind, AccountId to, String memo) {
        var pending = db.sql("""
                SELECT id, debit_account, credit_account, amount, kind, state, pending_id
                FROM ledger_transfer WHERE id = ? AND kind = ? FOR UPDATE
                """)
                .params(pendingId, TransferKind.PENDING.name())
                .query(Ledger::transferRow)
                .optional();
        if (pending.isEmpty()) {
            return new Refused(Reason.PENDING_NOT_FOUND);
        }
        var p = pending.get();
        if (!p.state().canMoveTo(TransferState.RESOLVED)) {
            return find(id).filter(t -> pendingId.equals(t.pendingId()) && t.kind() == kind)
                    .<TransferResult>map(t -> new Done(id, true, signedBalance(new AccountId(p.credit()))))
                    .orElse(new Refused(Reason.ALREADY_RESOLVED));
        }
        String target = kind == TransferKind.POST ? to.value() : p.debit();
        openAccounts(target);
        db.sql("SELECT id FROM ledger_account WHERE id IN (?, ?) ORDER BY id FOR UPDATE")
                .params(p.credit(), target).query(String.class).list();
        var after = applyAndRecord(id, p.credit(), target, p.amount(), kind, pendingId, memo);
        if (after.isEmpty()) {
            return new Refused(Reason.ID_REUSED);
        }
        db.sql("UPDATE ledger_transfer SET state = ? WHERE id = ? AND state = ?")
                .params(TransferState.RESOLVED.name(), pendingId, TransferState.PENDING.name()).update();
        return new Done(id, false, after.get());
    }

    /**
     * The transfer row and both balances in one statement, written together or not at all.
     * Claiming the id comes first: a concurrent transfer with the same id makes this one wait for
     * it and then move nothing. Returns the debit account's new balance, or empty when the id
     * was taken. The caller holds both accounts' locks.
     */
    private Optional<Long> applyAndRecord(UUID id, String debit, String credit, long amount, TransferKind kind,
            UUID pendingId, String memo) {
        var moved = db.sql("""
                WITH recorded AS (
                    INSERT INTO ledger_transfer (id, debit_account, credit_account, amount, kind, pending_id, state, memo,
                        created_at)
                    VALUES (:id, :debit, :credit, :amount, :kind, :pendingId, :state, :memo, :now)
                    ON CONFLICT (id) DO NOTHING
                    RETURNING id),
                moved AS (
                    UPDATE ledger_account SET balance = balance + CASE WHEN id = :credit THEN :amount ELSE -:amount END
                    WHERE id IN (:debit, :credit) AND EXISTS (SELECT 1 FROM recorded)
                    RETURNING id, balance)
                SELECT count(*), max(balance) FILTER (WHERE id = :debit) FROM moved
                """)
                .param("id", id).param("debit", debit).param("credit", credit).param("amount", amount)
                .param("kind", kind.name()).param("pendingId", pendingId, java.sql.Types.OTHER)
                .param("state", kind.initialState().name())
                .param("memo", memo).param("now", now())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        if (moved[0] == 0) {
            return Optional.empty();
        }
        if (moved[0] != 2) {
            // both accounts were locked a moment ago; failing here rolls the caller back
            throw new IllegalStateException("ledger accounts missing for transfer " + id);
        }
        return Optional.of(moved[1]);
    }

    /** An account never opened has a balance of zero. */
    private long signedBalance(AccountId account) {
        return db.sql("SELECT balance FROM ledger_account WHERE id = ?").param(account.value()).query(Long.class)
                .optional().orElse(0L);
    }

    private Optional<TransferRow> find(UUID id) {
        return db.sql("""
                SELECT id, debit_account, credit_account, amount, kind, state, pending_id
                FROM ledger_transfer WHERE id = ?
                """)
                .param(id)
                .query(Ledger::transferRow)
                .optional();
    }

    private void openAccounts(String... accounts) {
        var ids = Arrays.stream(accounts).distinct().toArray(String[]::new);
        var kinds = Arrays.stream(ids).map(i -> new AccountId(i).kind().name()).toArray(String[]::new);
        db.sql("""
                INSERT INTO ledger_account (id, kind)
                SELECT i, k FROM unnest(?::text[], ?::text[]) AS a(i, k)
                WHERE NOT EXISTS (SELECT 1 FROM ledger_account e WHERE e.id = a.i)
                ON CONFLICT (id) DO NOTHING
                """)
                .params(ids, kinds)
                .update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static TransferRow transferRow(ResultSet rs, int i) throws SQLException {
        return new TransferRow(rs.getObject("id", UUID.class), rs.getString("debit_account"),
                rs.getString("credit_account"), rs.getLong("amount"), TransferKind.valueOf(rs.getString("kind")),
                TransferState.valueOf(rs.getString("state")),
                rs.getObject("pending_id", UUID.class));
    }

    private record LockedAccount(String id, long balance, boolean mayGoNegative) {
    }

    private record TransferRow(UUID id, String debit, String credit, long amount, TransferKind kind, TransferState state,
            UUID pendingId) {
    }
}
