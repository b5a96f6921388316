package org.prakerja.incentive.provider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * /actuator/health component "snapBi": UP when a SNAP access token can be obtained. In the readiness group
 * only (application.yml): a bank's outage must not restart the service, only stop payouts being sent.
 */
@Component("snapBi")
@ConditionalOnProperty(name = "prakerja.adapters.payment", havingValue = "snap-bi")
class SnapBiHealth implements HealthIndicator {

    private final SnapBiPaymentProvider provider;

    SnapBiHealth(SnapBiPaymentProvider provider) {
        this.provider = provider;
    }

    @Override
    public Health health() {
        try {
            provider.checkToken();
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
