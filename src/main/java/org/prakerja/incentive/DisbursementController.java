package org.prakerja.incentive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** R-72 what disbursement has done and has still to do, for operators (run it: POST /api/v1/ops/jobs/disbursement). */
@RestController
@RequestMapping("/api/v1/ops/disbursements")
@Tag(name = "Operator: disbursements")
class DisbursementController {

    private final Payouts payouts;

    DisbursementController(Payouts payouts) {
        this.payouts = payouts;
    }

    @GetMapping
    @Operation(summary = "Payouts, the latest change first; filter by status and kind")
    Paged<Payouts.DisbursementView> list(@RequestParam(required = false) @Nullable PayoutStatus status,
            @RequestParam(required = false) @Nullable PayoutKind kind, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return payouts.list(status, kind, new PageRequest(page, size));
    }

    @GetMapping("/summary")
    @Operation(summary = "Count and amount of payouts in each state")
    Payouts.DisbursementSummary summary() {
        return payouts.summary();
    }
}
