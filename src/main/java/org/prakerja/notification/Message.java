package org.prakerja.notification;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An SMS or email to a participant: a text of the message bundles (its key and arguments),
 * rendered in the participant's language when it is written to the outbox. An SMS is the text
 * {@code key}; an email is {@code key.subject} and {@code key.body}. The address is found when the
 * message is sent. {@code sensitive} bodies (codes) are blanked in the outbox once sent.
 */
public record Message(UUID participantId, Channel channel, String key, List<String> args, boolean sensitive) {

    public enum Channel { SMS, EMAIL }

    public Message {
        args = List.copyOf(args);
    }

    /** Arguments are shown as given ({@code String.valueOf}): numbers are not regrouped per language. */
    public static Message sms(UUID participantId, String key, Object... args) {
        return new Message(participantId, Channel.SMS, key, strings(args), false);
    }

    public static Message email(UUID participantId, String key, Object... args) {
        return new Message(participantId, Channel.EMAIL, key, strings(args), false);
    }

    /** The same message, with a body that is a secret (a code): blanked in the outbox once sent. */
    public Message asSensitive() {
        return new Message(participantId, channel, key, args, true);
    }

    static List<String> strings(Object... args) {
        return Arrays.stream(args).map(String::valueOf).toList();
    }

    // the arguments may hold a code
    @Override
    public String toString() {
        return "Message[" + channel + " " + key + " participant=" + participantId + "]";
    }
}
