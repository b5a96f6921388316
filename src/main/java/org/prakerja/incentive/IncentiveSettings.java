package org.prakerja.incentive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How incentives are paid out; the amounts and counts are the scheme's.
 *
 * @param disbursementCron when the disbursement job runs by itself (six-field cron, server zone)
 * @param batchSize payouts taken (FOR UPDATE SKIP LOCKED) and recorded per transaction
 * @param parallelism provider calls in flight at once within a batch
 * @param workers batches a run handles at once: while one waits for the provider, another is
 *     taken or recorded, so the service and the database both have work
 * @param maxAttempts sends of a payout the provider refuses before it is parked FAILED
 * @param retryDelay wait after the first refusal, doubled after each further one
 * @param surveyInterval between one survey's opening and the next's
 */
@ConfigurationProperties("prakerja.incentive")
record IncentiveSettings(
        @DefaultValue("0 15 * * * *") String disbursementCron,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("16") int parallelism,
        @DefaultValue("3") int workers,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("PT1H") Duration retryDelay,
        @DefaultValue("P30D") Duration surveyInterval) {
}
