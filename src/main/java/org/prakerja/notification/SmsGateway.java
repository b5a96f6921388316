package org.prakerja.notification;

import java.util.List;

/**
 * Port to the SMS provider. {@code messageId} lets the provider drop a message it got before.
 * Answers the provider's id of each part it acknowledged (an SMSC's message ids; none from a
 * provider that gives none), which the relay stores with its mark; throws when it did not take the
 * message.
 */
interface SmsGateway {

    List<String> send(long messageId, String phone, String body);
}
