package org.prakerja.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: ledger")
class ReconciliationController {

    private final Ledger ledger;

    ReconciliationController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/v1/ops/ledger/reconciliation")
    @Operation(summary = "Sums by account kind; balanced when they add up to zero and every account matches its transfers")
    Reconciliation reconciliation() {
        return ledger.reconcile();
    }
}
