package org.prakerja.incentive;

/**
 * R-74 the incentive's state as participants know it, the one a page leads with: not yet eligible,
 * "Menunggu Diproses", "Sedang Diproses", paid, or failed. A failed instalment outweighs the rest
 * (the participant has something to do), then one in flight, then the latest paid.
 */
public enum IncentiveState {
    NOT_ELIGIBLE, SCHEDULED, PROCESSING, PAID, FAILED;

    public static IncentiveState of(Incentives.IncentivesView v) {
        if (!v.missing().isEmpty()) {
            return NOT_ELIGIBLE;
        }
        var statuses = v.instalments().stream().map(Incentives.InstalmentView::status).toList();
        if (statuses.contains(PayoutStatus.FAILED)) {
            return FAILED;
        }
        if (statuses.contains(PayoutStatus.PROCESSING)) {
            return PROCESSING;
        }
        return statuses.contains(PayoutStatus.PAID) ? PAID : SCHEDULED;
    }

    /** The instalment the state is about: the failed or in-flight one, the latest paid, or the next due. */
    public Incentives.InstalmentView focus(Incentives.IncentivesView v) {
        var all = v.instalments();
        return switch (this) {
            case NOT_ELIGIBLE -> null;
            case FAILED -> all.stream().filter(i -> i.status() == PayoutStatus.FAILED).findFirst().orElse(null);
            case PROCESSING -> all.stream().filter(i -> i.status() == PayoutStatus.PROCESSING).findFirst().orElse(null);
            case PAID -> all.stream().filter(i -> i.status() == PayoutStatus.PAID).reduce((a, b) -> b).orElse(null);
            case SCHEDULED -> all.isEmpty() ? null : all.getFirst();
        };
    }

    /** The timeline's last step (insentif): done once the first instalment is paid. */
    public static boolean firstPaid(Incentives.IncentivesView v) {
        return !v.instalments().isEmpty() && v.instalments().getFirst().status() == PayoutStatus.PAID;
    }
}
