package org.prakerja.incentive;

/** What a payout pays: a post-training instalment or a survey's incentive. */
enum PayoutKind {
    INCENTIVE, SURVEY
}
