package org.prakerja.notification;

/** Port to the email provider (SMTP in production). */
public interface EmailGateway {

    void send(long messageId, String address, String subject, String body);
}
