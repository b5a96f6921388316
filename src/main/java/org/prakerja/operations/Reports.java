package org.prakerja.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.prakerja.card.CardStatus;
import org.prakerja.card.Cards;
import org.prakerja.complaint.Complaints;
import org.prakerja.incentive.Payouts;
import org.prakerja.ledger.AccountKind;
import org.prakerja.ledger.Ledger;
import org.prakerja.purchase.VoucherStatus;
import org.prakerja.purchase.Vouchers;
import org.prakerja.registration.Participants;
import org.prakerja.wave.Applications;
import org.prakerja.web.DailyChart;
import org.springframework.stereotype.Service;

/** The operators' dashboard figures, the same for GET /api/v1/ops/reports/summary and the /ops page. */
@Service
class Reports {

    /** How many days the console's charts cover, today included. */
    static final int CHART_DAYS = 30;

    private final Participants participants;
    private final Applications applications;
    private final Cards cards;
    private final Ledger ledger;
    private final Vouchers vouchers;
    private final Complaints complaints;
    private final Payouts payouts;
    private final Clock clock;

    Reports(Participants participants, Applications applications, Cards cards, Ledger ledger, Vouchers vouchers,
            Clock clock, Complaints complaints, Payouts payouts) {
        this.payouts = payouts;
        this.participants = participants;
        this.applications = applications;
        this.cards = cards;
        this.ledger = ledger;
        this.vouchers = vouchers;
        this.clock = clock;
        this.complaints = complaints;
    }

    /**
     * The operators' dashboard: counts, and sums in rupiah by account kind. When complaints land,
     * docs/api.md's "complaints by status" joins these (from the complaint module's count by status).
     */
    public record Summary(long registrations, long applicants, long selected, long cardsActive, long cardsDeactivated,
            long purchases, Map<String, Long> vouchersByStatus, long completions, long balanceOnCards,
            long balanceReserved, long paidToPlatforms, long incentivesPaid, Map<String, Long> complaintsByStatus) {
    }

    public Summary summary() {
        // the accounts' kept balances: the transfer-by-transfer check is the ledger page's to run
        var money = ledger.totals().balances();
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

    /** R-80 every complaint status, by name, zero where there are none. */
    private Map<String, Long> complaintsByStatus() {
        var byName = new TreeMap<String, Long>();
        complaints.countByStatus().forEach((status, count) -> byName.put(status.name(), count));
        return byName;
    }

    /** The console's charts over the last {@value #CHART_DAYS} days, in Western Indonesian Time. */
    public record Charts(DailyChart registrations, DailyChart purchases, DailyChart incentivesPaid) {
    }

    public Charts charts() {
        var zone = clock.getZone();
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(CHART_DAYS - 1);
        return new Charts(
                DailyChart.of(from, to, participants.registeredPerDay(from, to, zone)),
                DailyChart.of(from, to, vouchers.purchasedPerDay(from, to, zone)),
                DailyChart.of(from, to, payouts.paidPerDay(from, to, zone)));
    }
}
