package org.prakerja.notification;

/** Port to the email provider: SMTP when {@code spring.mail.host} is set, the local stand-in otherwise. */
interface EmailGateway {

    /** Returns once the provider accepted the email; throws when it did not. */
    void send(Email email);
}
