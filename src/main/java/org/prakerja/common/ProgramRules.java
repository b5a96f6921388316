package org.prakerja.common;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The program parameters of SPEC.md. Every one is a setting; the defaults are the 2022 scheme.
 */
@ConfigurationProperties("prakerja.program")
public record ProgramRules(
        @DefaultValue("1000000") long trainingBalance,
        @DefaultValue("600000") long monthlyIncentive,
        @DefaultValue("4") int incentiveMonths,
        @DefaultValue("50000") long surveyIncentive,
        @DefaultValue("3") int surveys,
        @DefaultValue("30") int firstPurchaseDays,
        @DefaultValue("7,3,1") List<Integer> reminderDaysBefore,
        @DefaultValue("true") boolean pretestRequired,
        @DefaultValue("2") int recipientsPerFamily,
        @DefaultValue("18") int minimumAge,
        @DefaultValue("60") int basicTestPassMark,
        @DefaultValue("PT15M") Duration verificationCodeLifetime,
        @DefaultValue("5") int verificationMaxAttempts,
        @DefaultValue("PT12H") Duration sessionLifetime) {

    public Rupiah balancePerCard() {
        return Rupiah.of(trainingBalance);
    }
}
