package org.prakerja.ledger;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.prakerja.common.Rupiah;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The double-entry ledger, in the manner of TigerBeetle's two-phase transfers: money moves only
 * as transfers with a client-chosen id, two accounts and an amount; a pending transfer is posted
 * or voided exactly once. Every method joins the caller's transaction, so a refusal changes
 * nothing and a success commits with the caller's own change.
 *
 * <p>The module's one door. Behind it: {@link SingleTransfers} for the request paths,
 * {@link BatchTransfers} for the jobs' set-based batches, {@link LedgerAccounts} for opening and
 * locking accounts in one order, {@link Books} for totals and reconciliation.
 */
@Service
@Transactional
public class Ledger {

    private final SingleTransfers single;
    private final BatchTransfers batches;
    private final LedgerAccounts accounts;
    private final Books books;

    Ledger(SingleTransfers single, BatchTransfers batches, LedgerAccounts accounts, Books books) {
        this.single = single;
        this.batches = batches;
        this.accounts = accounts;
        this.books = books;
    }

    /** A final transfer. Repeating it with the same id and body changes nothing. */
    public TransferResult transfer(UUID id, AccountId debit, AccountId credit, Rupiah amount, String memo) {
        return single.move(id, debit, credit, amount, TransferKind.SINGLE, memo);
    }

    /** Reserves {@code amount}: it leaves {@code debit} now and waits in {@code reserved} until posted or voided. */
    public TransferResult reserve(UUID id, AccountId debit, AccountId reserved, Rupiah amount, String memo) {
        return single.move(id, debit, reserved, amount, TransferKind.PENDING, memo);
    }

    /** Pays a pending transfer out of its reserved account to {@code to}. */
    public TransferResult post(UUID id, UUID pendingId, AccountId to, String memo) {
        return single.resolve(id, pendingId, TransferKind.POST, to, memo);
    }

    /** Returns a pending transfer's amount to the account it came from. */
    public TransferResult voidPending(UUID id, UUID pendingId, String memo) {
        return single.resolve(id, pendingId, TransferKind.VOID, null, memo);
    }

    @Transactional(readOnly = true)
    public Rupiah balance(AccountId account) {
        return Rupiah.of(accounts.signedBalance(account));
    }

    /** Opens accounts that have had no transfer yet, so their first transfer finds them. */
    public void open(Collection<AccountId> ids) {
        if (!ids.isEmpty()) {
            accounts.open(ids.stream().map(AccountId::value).toArray(String[]::new));
        }
    }

    /**
     * Records a batch of final transfers in one set-based statement. Transfers whose id exists
     * already are skipped, so a batch that is run again moves nothing twice. Returns how many
     * transfers were new.
     */
    public int transferAll(List<Movement> movements, String memo) {
        return batches.insertAll(movements, TransferKind.SINGLE, memo);
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
        return batches.insertAll(movements, TransferKind.PENDING, memo);
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
        return batches.resolveAll(resolutions, TransferKind.POST, memo);
    }

    /** Voids a batch of pending transfers back to where they came from; as {@link #postAll}. */
    public List<UUID> voidAll(List<Resolution> resolutions, String memo) {
        return batches.resolveAll(resolutions, TransferKind.VOID, memo);
    }

    /**
     * Moves the whole balance of each account in {@code from} to {@code to}, one transfer each,
     * with ids derived from {@code purpose} and the account, so running it twice moves nothing
     * twice. Returns the sum moved.
     */
    public Rupiah returnWholeBalances(Collection<AccountId> from, AccountId to, String purpose) {
        return batches.returnWholeBalances(from, to, purpose);
    }

    /**
     * What each kind of account holds, and how many accounts there are, from the accounts' kept
     * balances alone: one pass over the accounts, never over the transfers, which grow with every
     * purchase. {@link #reconcile()} also checks each balance against its transfers.
     */
    @Transactional(readOnly = true)
    public AccountTotals totals() {
        return books.totals();
    }

    /** Sum of balances by kind; balanced when they add up to zero and every account matches its transfers. */
    @Transactional(readOnly = true)
    public Reconciliation reconcile() {
        return books.reconcile();
    }
}
