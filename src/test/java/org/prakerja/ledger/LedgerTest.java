package org.prakerja.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.common.Rupiah;
import org.prakerja.ledger.TransferResult.Done;
import org.prakerja.ledger.TransferResult.Reason;
import org.prakerja.ledger.TransferResult.Refused;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class LedgerTest {

    @Autowired
    Ledger ledger;

    @AfterEach
    void ledgerStaysBalanced() {
        var reconciliation = ledger.reconcile();
        assertThat(reconciliation.balanced()).as("reconciliation %s", reconciliation).isTrue();
        assertThat(reconciliation.total()).isZero();
    }

    private AccountId fundedCard(long amount) {
        var card = AccountId.cardBalance(UUID.randomUUID());
        assertThat(ledger.transfer(UUID.randomUUID(), AccountId.PROGRAM_FUND, card, Rupiah.of(amount), "test"))
                .isInstanceOf(Done.class);
        return card;
    }

    @Test
    @DisplayName("R-30 a credit from the fund moves the amount and the fund goes negative by it")
    void creditFromFund() {
        long fundBefore = ledger.reconcile().accounts().get(AccountKind.PROGRAM_FUND);
        var card = fundedCard(1_000_000);
        assertThat(ledger.balance(card)).isEqualTo(Rupiah.of(1_000_000));
        assertThat(ledger.reconcile().accounts().get(AccountKind.PROGRAM_FUND)).isLessThanOrEqualTo(fundBefore - 1_000_000);
    }

    @Test
    @DisplayName("R-32 a transfer that would overdraw a card is refused and changes nothing")
    void noOverdraft() {
        var card = fundedCard(100);
        var result = ledger.transfer(UUID.randomUUID(), card, AccountId.PROGRAM_FUND, Rupiah.of(101), "test");
        assertThat(result).isEqualTo(new Refused(Reason.INSUFFICIENT_FUNDS));
        assertThat(ledger.balance(card)).isEqualTo(Rupiah.of(100));
    }

    @Test
    @DisplayName("a transfer repeated with the same id moves money once; a different body is refused")
    void idempotentById() {
        var card = fundedCard(500);
        var id = UUID.randomUUID();
        assertThat(ledger.transfer(id, card, AccountId.PROGRAM_FUND, Rupiah.of(200), "t")).isEqualTo(new Done(id, false, 300));
        assertThat(ledger.transfer(id, card, AccountId.PROGRAM_FUND, Rupiah.of(200), "t")).isEqualTo(new Done(id, true, 300));
        assertThat(ledger.transfer(id, card, AccountId.PROGRAM_FUND, Rupiah.of(300), "t"))
                .isEqualTo(new Refused(Reason.ID_REUSED));
        assertThat(ledger.balance(card)).isEqualTo(Rupiah.of(300));
    }

    @Test
    @DisplayName("a transfer that emptied an account is still done when repeated, and moves nothing again")
    void replayAfterTheBalanceIsGone() {
        var card = fundedCard(100);
        var id = UUID.randomUUID();
        assertThat(ledger.transfer(id, card, AccountId.PROGRAM_FUND, Rupiah.of(100), "t")).isEqualTo(new Done(id, false, 0));
        assertThat(ledger.transfer(id, card, AccountId.PROGRAM_FUND, Rupiah.of(100), "t")).isEqualTo(new Done(id, true, 0));
        assertThat(ledger.transfer(UUID.randomUUID(), card, AccountId.PROGRAM_FUND, Rupiah.of(1), "t"))
                .isEqualTo(new Refused(Reason.INSUFFICIENT_FUNDS));
        assertThat(ledger.balance(card)).isEqualTo(Rupiah.ZERO);
        assertThat(ledger.reconcile().balanced()).isTrue();
    }

    @Test
    @DisplayName("R-52/R-65 a reservation is posted or voided exactly once")
    void pendingResolvedOnce() {
        var cardId = UUID.randomUUID();
        var card = AccountId.cardBalance(cardId);
        ledger.transfer(UUID.randomUUID(), AccountId.PROGRAM_FUND, card, Rupiah.of(1000), "t");
        var reservation = UUID.randomUUID();
        assertThat(ledger.reserve(reservation, card, AccountId.reserved(cardId), Rupiah.of(400), "buy"))
                .isEqualTo(new Done(reservation, false, 600));
        assertThat(ledger.balance(card)).isEqualTo(Rupiah.of(600));

        var payable = AccountId.platformPayable("test-" + cardId);
        var post = UUID.randomUUID();
        assertThat(ledger.post(post, reservation, payable, "redeem")).isEqualTo(new Done(post, false, 0));
        assertThat(ledger.post(post, reservation, payable, "redeem")).isEqualTo(new Done(post, true, 0));
        assertThat(ledger.voidPending(UUID.randomUUID(), reservation, "refund"))
                .isEqualTo(new Refused(Reason.ALREADY_RESOLVED));
        assertThat(ledger.balance(payable)).isEqualTo(Rupiah.of(400));
        assertThat(ledger.balance(AccountId.reserved(cardId))).isEqualTo(Rupiah.ZERO);
    }

    @Test
    @DisplayName("R-53 voiding a reservation returns the price to the card")
    void voidReturns() {
        var cardId = UUID.randomUUID();
        var card = AccountId.cardBalance(cardId);
        ledger.transfer(UUID.randomUUID(), AccountId.PROGRAM_FUND, card, Rupiah.of(1000), "t");
        var reservation = UUID.randomUUID();
        ledger.reserve(reservation, card, AccountId.reserved(cardId), Rupiah.of(700), "buy");
        assertThat(ledger.voidPending(UUID.randomUUID(), reservation, "refund").isDone()).isTrue();
        assertThat(ledger.balance(card)).isEqualTo(Rupiah.of(1000));
    }

    @Test
    @DisplayName("R-31 whole balances go back to the fund once, however often it runs")
    void returnWholeBalances() {
        var a = fundedCard(300);
        var b = fundedCard(700);
        var purpose = "revoke-" + UUID.randomUUID();
        assertThat(ledger.returnWholeBalances(java.util.List.of(a, b), AccountId.PROGRAM_FUND, purpose))
                .isEqualTo(Rupiah.of(1000));
        assertThat(ledger.returnWholeBalances(java.util.List.of(a, b), AccountId.PROGRAM_FUND, purpose))
                .isEqualTo(Rupiah.ZERO);
        assertThat(ledger.balance(a)).isEqualTo(Rupiah.ZERO);
    }

    @Test
    @DisplayName("R-32 many threads crediting and reserving against one card never overdraw it")
    void concurrentReservationsNeverOverdraw() throws Exception {
        var cardId = UUID.randomUUID();
        var card = AccountId.cardBalance(cardId);
        ledger.transfer(UUID.randomUUID(), AccountId.PROGRAM_FUND, card, Rupiah.of(1_000), "t");
        var reserved = new AtomicInteger();
        var tasks = new ArrayList<Callable<Void>>();
        for (int i = 0; i < 200; i++) {
            boolean credit = i % 10 == 0;
            tasks.add(() -> {
                if (credit) {
                    ledger.transfer(UUID.randomUUID(), AccountId.PROGRAM_FUND, card, Rupiah.of(100), "top-up");
                } else if (ledger.reserve(UUID.randomUUID(), card, AccountId.reserved(cardId), Rupiah.of(150), "buy").isDone()) {
                    reserved.incrementAndGet();
                }
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (var f : pool.invokeAll(tasks)) {
                f.get();
            }
        }
        long credited = 1_000 + 20 * 100;
        assertThat(reserved.get()).isPositive().isLessThanOrEqualTo((int) (credited / 150));
        assertThat(ledger.balance(card)).isEqualTo(Rupiah.of(credited - reserved.get() * 150L));
        assertThat(ledger.balance(AccountId.reserved(cardId))).isEqualTo(Rupiah.of(reserved.get() * 150L));
    }

    @Test
    @DisplayName("R-72 batches sharing accounts, some opened by the batch itself, reserve at once without deadlock; "
            + "each moves once, and posting or voiding each once returns the money or pays it out")
    void batchesAtOnce() throws Exception {
        var sources = new ArrayList<AccountId>();
        for (int i = 0; i < 6; i++) {
            sources.add(fundedCard(1_000_000));
        }
        var shared = AccountId.incentivePayable(UUID.randomUUID());
        int threads = 8;
        var batches = new ArrayList<List<Movement>>();
        for (int t = 0; t < threads; t++) {
            var own = AccountId.incentivePayable(UUID.randomUUID());
            var shuffled = new ArrayList<>(sources);
            java.util.Collections.shuffle(shuffled);
            var batch = new ArrayList<Movement>();
            for (var source : shuffled) {
                batch.add(new Movement(UUID.randomUUID(), source, batch.size() % 2 == 0 ? shared : own, Rupiah.of(1_000)));
            }
            batches.add(batch);
        }
        long paidOutBefore = ledger.balance(AccountId.PAID_OUT).amount();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var reserved = pool.invokeAll(batches.stream().<Callable<Integer>>map(b -> () -> ledger.reserveAll(b, "test")).toList());
            for (var r : reserved) {
                assertThat(r.get()).isEqualTo(sources.size());
            }
        }
        assertThat(batches.stream().mapToInt(b -> ledger.reserveAll(b, "test")).sum()).as("again: nothing twice").isZero();
        for (var source : sources) {
            assertThat(ledger.balance(source)).isEqualTo(Rupiah.of(1_000_000 - threads * 1_000L));
        }
        assertThat(ledger.balance(shared)).isEqualTo(Rupiah.of(threads * 3 * 1_000L));

        // the even batches are paid out, the odd ones voided back, each pending transfer once
        for (int t = 0; t < threads; t++) {
            var resolutions = batches.get(t).stream().map(m -> new Ledger.Resolution(UUID.randomUUID(), m.transferId(),
                    AccountId.PAID_OUT)).toList();
            var resolved = t % 2 == 0 ? ledger.postAll(resolutions, "test") : ledger.voidAll(resolutions, "test");
            assertThat(resolved).hasSize(sources.size());
            assertThat(ledger.postAll(resolutions, "test")).as("resolved once").isEmpty();
        }
        assertThat(ledger.balance(shared)).isEqualTo(Rupiah.ZERO);
        for (var source : sources) {
            assertThat(ledger.balance(source)).isEqualTo(Rupiah.of(1_000_000 - threads / 2 * 1_000L));
        }
        assertThat(ledger.balance(AccountId.PAID_OUT).amount() - paidOutBefore).isEqualTo(threads / 2 * 6 * 1_000L);
    }
}
