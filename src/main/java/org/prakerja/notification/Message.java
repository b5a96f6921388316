package org.prakerja.notification;

import jakarta.annotation.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.prakerja.common.Masking;

/**
 * An SMS or email to a participant: a text of the message bundles (its key and arguments),
 * rendered in the participant's language when it is written to the outbox. An SMS is the text
 * {@code key}; an email is {@code key.subject} and {@code key.body}. The address is found when the
 * message is sent. {@code sensitive} bodies (codes) are blanked in the outbox once sent.
 *
 * <p>Someone who is not a participant (an operator, a member of the public who filed a complaint)
 * has no participant id: their email goes to the {@code address} given ({@link #emailTo}).
 */
public record Message(@Nullable UUID participantId, @Nullable String address, Channel channel, String key,
        List<String> args, boolean sensitive) {

    public enum Channel { SMS, EMAIL }

    public Message {
        args = List.copyOf(args);
        if ((participantId == null) == (address == null)) {
            throw new IllegalArgumentException("a message goes to a participant or to an address, one of the two");
        }
    }

    /** Arguments are shown as given ({@code String.valueOf}): numbers are not regrouped per language. */
    public static Message sms(UUID participantId, String key, Object... args) {
        return new Message(participantId, null, Channel.SMS, key, strings(args), false);
    }

    public static Message email(UUID participantId, String key, Object... args) {
        return new Message(participantId, null, Channel.EMAIL, key, strings(args), false);
    }

    /** An email to an address, for someone who is not a participant. */
    public static Message emailTo(String address, String key, Object... args) {
        return new Message(null, address, Channel.EMAIL, key, strings(args), false);
    }

    /** The same message, with a body that is a secret (a code): blanked in the outbox once sent. */
    public Message asSensitive() {
        return new Message(participantId, address, channel, key, args, true);
    }

    static List<String> strings(Object... args) {
        return Arrays.stream(args).map(String::valueOf).toList();
    }

    // the arguments may hold a code
    @Override
    public String toString() {
        return "Message[" + channel + " " + key + (participantId != null ? " participant=" + participantId
                : " to=" + Masking.email(address)) + "]";
    }
}
