package org.prakerja.notification;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The gateway of each channel, as {@code common/OutsideSystems} chose it: email over SMTP when
 * {@code spring.mail.host} is set, else the local recording stand-in where one may run; SMS on the
 * stand-in where one may run, else over SMPP ({@link SmppSms}, with its health indicator "smpp",
 * in the readiness group only: an SMSC outage must not restart the service).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmppSettings.class)
class GatewayConfig {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "prakerja.adapters.sms", havingValue = "smpp")
    SmppSms smppSms(SmppSettings settings, SmsReceipts receipts, MeterRegistry meters) {
        return new SmppSms(settings, receipts, meters);
    }

    @Bean
    @ConditionalOnProperty(name = "prakerja.adapters.sms", havingValue = "smpp")
    HealthIndicator smppHealthIndicator(SmppSms sms) {
        return () -> {
            String down = sms.downReason();
            return down == null ? Health.up().build() : Health.down().withDetail("reason", down).build();
        };
    }

    @Bean
    @ConditionalOnProperty(name = "prakerja.adapters.email", havingValue = "smtp")
    EmailGateway smtpEmail(JavaMailSender sender,
            @Value("${prakerja.mail.from}") String from) {
        return new SmtpEmail(sender, from);
    }

    @Bean
    @ConditionalOnProperty(name = "prakerja.adapters.email", havingValue = "stand-in")
    EmailGateway localEmail(LocalGateways gateways) {
        return gateways::sendEmail;
    }

    @Bean
    @ConditionalOnProperty(name = "prakerja.adapters.sms", havingValue = "stand-in")
    SmsGateway localSms(LocalGateways gateways) {
        return gateways::send;
    }
}
