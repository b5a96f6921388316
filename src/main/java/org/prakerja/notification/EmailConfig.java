package org.prakerja.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Real email over SMTP when {@code spring.mail.host} is set; the local recording stand-in otherwise. */
@Configuration(proxyBeanMethods = false)
class EmailConfig {

    @Bean
    @ConditionalOnProperty("spring.mail.host")
    EmailGateway smtpEmail(JavaMailSender sender,
            @Value("${prakerja.mail.from}") String from) {
        return new SmtpEmail(sender, from);
    }

    @Bean
    @ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
    EmailGateway localEmail(LocalGateways gateways) {
        return gateways::sendEmail;
    }
}
