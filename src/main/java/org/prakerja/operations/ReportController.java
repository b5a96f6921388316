package org.prakerja.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.prakerja.card.Cards;
import org.prakerja.ledger.AccountKind;
import org.prakerja.ledger.Ledger;
import org.prakerja.purchase.Vouchers;
import org.prakerja.registration.Participants;
import org.prakerja.wave.Applications;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Counts and sums for the operators' dashboard. */
@RestController
@Tag(name = "Operator: reports")
class ReportController {

    private final Participants participants;
    private final Applications applications;
    private final Cards cards;
    private final Ledger ledger;
    private final Vouchers vouchers;

    ReportController(Participants participants, Applications applications, Cards cards, Ledger ledger,
            Vouchers vouchers) {
        this.vouchers = vouchers;
        this.participants = participants;
        this.applications = applications;
        this.cards = cards;
        this.ledger = ledger;
    }

    @GetMapping("/api/v1/ops/reports/summary")
    @Operation(summary = "Registrations, applicants, selected, cards by state, purchases and completions, money by account kind")
    Map<String, Object> summary() {
        var money = ledger.reconcile().accounts();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("registrations", participants.count());
        summary.put("applicants", applications.countAll());
        summary.put("selected", applications.countSelected());
        summary.put("cardsActive", cards.countByStatus("ACTIVE"));
        summary.put("cardsDeactivated", cards.countByStatus("DEACTIVATED"));
        var byStatus = vouchers.countByStatus();
        summary.put("purchases", byStatus.values().stream().mapToLong(Long::longValue).sum());
        summary.put("vouchersByStatus", byStatus);
        summary.put("completions", byStatus.getOrDefault("COMPLETED", 0L));
        summary.put("balanceOnCards", money.get(AccountKind.CARD_BALANCE));
        summary.put("balanceReserved", money.get(AccountKind.RESERVED));
        summary.put("paidToPlatforms", money.get(AccountKind.PLATFORM_PAYABLE));
        summary.put("incentivesPaid", money.get(AccountKind.PAID_OUT));
        return summary;
    }
}
