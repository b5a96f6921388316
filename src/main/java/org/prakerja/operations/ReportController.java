package org.prakerja.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.TreeMap;
import org.prakerja.card.CardStatus;
import org.prakerja.card.Cards;
import org.prakerja.complaint.Complaints;
import org.prakerja.ledger.AccountKind;
import org.prakerja.ledger.Ledger;
import org.prakerja.purchase.VoucherStatus;
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
    private final Complaints complaints;

    ReportController(Participants participants, Applications applications, Cards cards, Ledger ledger,
            Vouchers vouchers, Complaints complaints) {
        this.complaints = complaints;
        this.vouchers = vouchers;
        this.participants = participants;
        this.applications = applications;
        this.cards = cards;
        this.ledger = ledger;
    }

    /** The operators' dashboard: counts, and sums in rupiah by account kind. */
    record Summary(long registrations, long applicants, long selected, long cardsActive, long cardsDeactivated,
            long purchases, Map<String, Long> vouchersByStatus, long completions, long balanceOnCards,
            long balanceReserved, long paidToPlatforms, long incentivesPaid, Map<String, Long> complaintsByStatus) {
    }

    /** R-80 every complaint status, by name, zero where there are none. */
    private Map<String, Long> complaintsByStatus() {
        var byName = new TreeMap<String, Long>();
        complaints.countByStatus().forEach((status, count) -> byName.put(status.name(), count));
        return byName;
    }

    @GetMapping("/api/v1/ops/reports/summary")
    @Operation(summary = "Registrations, applicants, selected, cards by state, purchases and completions, money by account kind, complaints by status")
    Summary summary() {
        var money = ledger.reconcile().accounts();
        var byStatus = vouchers.countByStatus();
        // by name, as the summary always listed them
        var vouchersByStatus = new TreeMap<String, Long>();
        byStatus.forEach((status, count) -> vouchersByStatus.put(status.name(), count));
        return new Summary(participants.count(), applications.countAll(), applications.countSelected(),
                cards.countByStatus(CardStatus.ACTIVE), cards.countByStatus(CardStatus.DEACTIVATED),
                byStatus.values().stream().mapToLong(Long::longValue).sum(), vouchersByStatus,
                byStatus.getOrDefault(VoucherStatus.COMPLETED, 0L), money.get(AccountKind.CARD_BALANCE),
                money.get(AccountKind.RESERVED), money.get(AccountKind.PLATFORM_PAYABLE), money.get(AccountKind.PAID_OUT),
                complaintsByStatus());
    }
}
