package org.prakerja.ledger;

import jakarta.annotation.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's ledger page (docs/portal.md {@code /ops/ledger}). Every view shows what each kind of
 * account holds from the accounts' kept balances ({@link Ledger#totals()}: one pass over the
 * accounts, never over the transfers). The full check, every account against the sum of its
 * transfers ({@link Ledger#reconcile()}, the same as GET /api/v1/ops/ledger/reconciliation), reads
 * every transfer, so it runs only when someone asks for it with the button. It changes nothing, so
 * it is a GET and an auditor, whose work it is, may run it too.
 */
@Controller
class LedgerPage {

    private final Ledger ledger;

    LedgerPage(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The full check's answer and how long it took to read the transfers. */
    record FullCheck(Reconciliation result, long millis) {
    }

    /** The ledger page: the kept totals by kind of account, and the full check's answer when asked for. */
    record LedgerView(AccountTotals totals, @Nullable FullCheck check) {
        public AccountKind[] kinds() {
            return AccountKind.values();
        }
    }

    @GetMapping("/ops/ledger")
    String ledger(@RequestParam(required = false) String check, Model model) {
        var totals = ledger.totals();
        FullCheck full = null;
        if ("full".equals(check)) {
            long started = System.nanoTime();
            var result = ledger.reconcile();
            full = new FullCheck(result, (System.nanoTime() - started) / 1_000_000);
        }
        model.addAttribute("view", new LedgerView(totals, full));
        return "ledger/ops-ledger";
    }
}
