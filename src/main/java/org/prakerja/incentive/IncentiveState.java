package org.prakerja.incentive;

import java.util.List;

/**
 * R-74 the incentive's state as participants know it, the one a page leads with: not yet eligible,
 * waiting to be processed, being processed, paid, or failed (their words: {@code incentives.state.*}
 * in the message bundles). A failed instalment outweighs the rest
 * (the participant has something to do), then one in flight, then the latest paid.
 */
public enum IncentiveState {
    NOT_ELIGIBLE, SCHEDULED, PROCESSING, PAID, FAILED;

    public static IncentiveState of(Incentives.IncentivesView v) {
        return of(v.missing().isEmpty(), v.instalments().stream().map(Incentives.InstalmentView::status).toList());
    }

    /** From whether nothing is missing any more and the instalments' statuses in order. */
    static IncentiveState of(boolean nothingMissing, List<PayoutStatus> statuses) {
        if (!nothingMissing) {
            return NOT_ELIGIBLE;
        }
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

    /**
     * The state, and whether the first instalment is paid (the timeline's last step, insentif): what
     * the dashboard shows, from one query.
     */
    public record Summary(IncentiveState state, boolean firstPaid) {
    }
}
