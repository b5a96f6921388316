package org.prakerja.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.prakerja.common.Rupiah;
import org.prakerja.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ledger properties: any sequence of credits, reservations, posts, voids and returns keeps every
 * non-fund balance non-negative, the whole ledger summing to zero, and each account equal to an
 * independent model of what the rules say.
 */
class LedgerPropertiesTest {

    sealed interface Op {
    }

    record Credit(int card, long amount) implements Op {
    }

    record Reserve(int card, long amount) implements Op {
    }

    record Post(int reservation) implements Op {
    }

    record Void(int reservation) implements Op {
    }

    record Return(int card, long amount) implements Op {
    }

    private static final int CARDS = 3;

    @Provide
    Arbitrary<List<Op>> operations() {
        var card = Arbitraries.integers().between(0, CARDS - 1);
        var amount = Arbitraries.longs().between(1, 1_500_000);
        var index = Arbitraries.integers().between(0, 30);
        Arbitrary<Op> op = Arbitraries.oneOf(
                Combinators.combine(card, amount).as(Credit::new),
                Combinators.combine(card, amount).as(Reserve::new),
                index.map(Post::new),
                index.map(Void::new),
                Combinators.combine(card, amount).as(Return::new));
        return op.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 60)
    void anySequenceKeepsTheLedgerBalanced(@ForAll("operations") @Size(max = 40) List<Op> ops) {
        var ds = TestDatabase.get();
        var db = JdbcClient.create(ds);
        var clock = Clock.systemUTC();
        var accounts = new LedgerAccounts(db);
        var ledger = new Ledger(new SingleTransfers(db, accounts, clock), new BatchTransfers(db, accounts, clock),
                accounts, new Books(db));
        var tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        var cards = new ArrayList<UUID>();
        for (int i = 0; i < CARDS; i++) {
            cards.add(UUID.randomUUID());
        }
        Map<String, Long> model = new HashMap<>();
        record Pending(UUID id, UUID card, long amount) {
        }
        List<Pending> reservations = new ArrayList<>();
        List<Boolean> resolved = new ArrayList<>();
        String payable = AccountId.platformPayable("prop-" + UUID.randomUUID()).value();

        for (Op op : ops) {
            switch (op) {
                case Credit c -> {
                    var account = AccountId.cardBalance(cards.get(c.card()));
                    assertThat(tx.execute(s -> ledger.transfer(UUID.randomUUID(), AccountId.PROGRAM_FUND, account,
                            Rupiah.of(c.amount()), "p")).isDone()).isTrue();
                    model.merge(account.value(), c.amount(), Long::sum);
                }
                case Reserve r -> {
                    var card = cards.get(r.card());
                    var id = UUID.randomUUID();
                    boolean covered = model.getOrDefault(AccountId.cardBalance(card).value(), 0L) >= r.amount();
                    var result = tx.execute(s -> ledger.reserve(id, AccountId.cardBalance(card), AccountId.reserved(card),
                            Rupiah.of(r.amount()), "p"));
                    assertThat(result.isDone()).isEqualTo(covered);
                    if (covered) {
                        model.merge(AccountId.cardBalance(card).value(), -r.amount(), Long::sum);
                        model.merge(AccountId.reserved(card).value(), r.amount(), Long::sum);
                        reservations.add(new Pending(id, card, r.amount()));
                        resolved.add(false);
                    }
                }
                case Post p when p.reservation() < reservations.size() -> {
                    var pending = reservations.get(p.reservation());
                    var result = tx.execute(s -> ledger.post(UUID.randomUUID(), pending.id(), new AccountId(payable), "p"));
                    assertThat(result.isDone()).isEqualTo(!resolved.get(p.reservation()));
                    if (!resolved.get(p.reservation())) {
                        resolved.set(p.reservation(), true);
                        model.merge(AccountId.reserved(pending.card()).value(), -pending.amount(), Long::sum);
                        model.merge(payable, pending.amount(), Long::sum);
                    }
                }
                case Void v when v.reservation() < reservations.size() -> {
                    var pending = reservations.get(v.reservation());
                    var result = tx.execute(s -> ledger.voidPending(UUID.randomUUID(), pending.id(), "p"));
                    assertThat(result.isDone()).isEqualTo(!resolved.get(v.reservation()));
                    if (!resolved.get(v.reservation())) {
                        resolved.set(v.reservation(), true);
                        model.merge(AccountId.reserved(pending.card()).value(), -pending.amount(), Long::sum);
                        model.merge(AccountId.cardBalance(pending.card()).value(), pending.amount(), Long::sum);
                    }
                }
                case Return r -> {
                    var account = AccountId.cardBalance(cards.get(r.card()));
                    boolean covered = model.getOrDefault(account.value(), 0L) >= r.amount();
                    var result = tx.execute(s -> ledger.transfer(UUID.randomUUID(), account, AccountId.PROGRAM_FUND,
                            Rupiah.of(r.amount()), "p"));
                    assertThat(result.isDone()).isEqualTo(covered);
                    if (covered) {
                        model.merge(account.value(), -r.amount(), Long::sum);
                    }
                }
                default -> {
                    // a post or void of a reservation that does not exist: nothing to do
                }
            }
            model.forEach((account, expected) -> {
                assertThat(expected).as(account).isNotNegative();
                assertThat(ledger.balance(new AccountId(account)).amount()).as(account).isEqualTo(expected);
            });
        }
        var reconciliation = ledger.reconcile();
        assertThat(reconciliation.balanced()).as(reconciliation.toString()).isTrue();
        assertThat(reconciliation.total()).isZero();
    }
}
