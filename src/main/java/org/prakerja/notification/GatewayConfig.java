package org.prakerja.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The gateway of each channel, as {@code common/OutsideSystems} chose it: email over SMTP when
 * {@code spring.mail.host} is set, else the local recording stand-in where one may run; SMS on the
 * stand-in where one may run (the SMPP adapter otherwise).
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfig {

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
