package org.prakerja.registration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * /actuator/health component {@code civilRegistry}, in the readiness group only: an unreachable
 * registry takes no instance out of service for long (registrations wait as AWAITING) and must never
 * restart one. DOWN while the breaker is open, i.e. the registry failed the recent calls. It exists
 * with the stand-in too (UP, saying so), so the readiness group names the same members everywhere.
 */
@Component("civilRegistryHealthIndicator")
class CivilRegistryHealth implements HealthIndicator {

    private final ObjectProvider<HttpsCivilRegistry> https;

    CivilRegistryHealth(ObjectProvider<HttpsCivilRegistry> https) {
        this.https = https;
    }

    @Override
    public Health health() {
        var registry = https.getIfAvailable();
        if (registry == null) {
            return Health.up().withDetail("adapter", "stand-in").build();
        }
        var state = registry.breakerState();
        var health = state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
                ? Health.down() : Health.up();
        return health.withDetail("adapter", "https").withDetail("breaker", state.name()).build();
    }
}
