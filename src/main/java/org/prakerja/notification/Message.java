package org.prakerja.notification;

/** An SMS or email to send. {@code sensitive} bodies (codes) are blanked in the outbox once sent. */
public record Message(Channel channel, String to, String subject, String body, boolean sensitive) {

    public enum Channel { SMS, EMAIL }

    public static Message sms(String phone, String body) {
        return new Message(Channel.SMS, phone, null, body, false);
    }

    public static Message sensitiveSms(String phone, String body) {
        return new Message(Channel.SMS, phone, null, body, true);
    }

    public static Message email(String address, String subject, String body) {
        return new Message(Channel.EMAIL, address, subject, body, false);
    }

    public static Message sensitiveEmail(String address, String subject, String body) {
        return new Message(Channel.EMAIL, address, subject, body, true);
    }

    @Override
    public String toString() {
        return "Message[" + channel + "]";
    }
}
