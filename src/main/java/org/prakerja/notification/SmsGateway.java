package org.prakerja.notification;

/** Port to the SMS provider. {@code messageId} lets the provider drop a message it got before. */
interface SmsGateway {

    void send(long messageId, String phone, String body);
}
