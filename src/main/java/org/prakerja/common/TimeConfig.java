package org.prakerja.common;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfig {

    /** Program dates (deadlines, announcement days) are read in Western Indonesian Time. */
    static final ZoneId PROGRAM_ZONE = ZoneId.of("Asia/Jakarta");

    @Bean
    AdjustableClock clock() {
        return new AdjustableClock(Clock.system(PROGRAM_ZONE));
    }
}
