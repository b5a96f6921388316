package org.prakerja.common;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The program parameters of docs/rules.md that are not per scheme. Every one is a setting. What changed
 * between waves (balance, incentives, surveys, first-purchase deadline, age range) is the wave's
 * scheme (R-25, module {@code scheme}); {@code defaultScheme} is the scheme of a wave created
 * without one. The reminders are days before the card's own deadline, which is its scheme's.
 */
@ConfigurationProperties("prakerja.program")
public record ProgramRules(
        @DefaultValue("SEMI_BANSOS_2022") String defaultScheme,
        @DefaultValue("7,3,1") List<Integer> reminderDaysBefore,
        @DefaultValue("true") boolean pretestRequired,
        @DefaultValue("2") int recipientsPerFamily,
        @DefaultValue("60") int basicTestPassMark,
        @DefaultValue("PT15M") Duration verificationCodeLifetime,
        @DefaultValue("5") int verificationMaxAttempts,
        @DefaultValue("PT12H") Duration sessionLifetime) {
}
