package org.prakerja.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Logins and password resets.
 *
 * @param baseUrl where people reach the web portal; reset links start with it
 * @param passwordResetLifetime how long a reset link works (R-82: 30 minutes)
 * @param lockout R-83: {@code maxFailures} wrong passwords within {@code window} lock the login
 *        for {@code lockFor}
 */
@ConfigurationProperties("prakerja.access")
record LoginSettings(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("PT30M") Duration passwordResetLifetime,
        @DefaultValue Lockout lockout) {

    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration window,
            @DefaultValue("PT15M") Duration lockFor) {
    }
}
