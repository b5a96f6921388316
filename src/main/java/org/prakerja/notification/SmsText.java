package org.prakerja.notification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMS text as the network carries it: GSM 03.38 (the default alphabet and its extension table,
 * one septet per octet as SMPP's data_coding 0 takes it) when every character fits, else UCS-2.
 * A text longer than one SMS is split into parts for a concatenation header (6 octets: 153 septets
 * or 67 UCS-2 units a part instead of 160 or 70); an extension character (an escape and its
 * septet) and a surrogate pair are never split across two parts.
 */
public final class SmsText {

    public enum Coding {
        GSM7((byte) 0x00, 160, 153), UCS2((byte) 0x08, 70, 67);

        /** SMPP's data_coding. */
        public final byte dataCoding;
        final int single;
        final int perPart;

        Coding(byte dataCoding, int single, int perPart) {
            this.dataCoding = dataCoding;
            this.single = single;
            this.perPart = perPart;
        }
    }

    /** The parts' payloads, without the concatenation header. */
    public record Encoded(Coding coding, List<byte[]> parts) {
    }

    private static final byte ESCAPE = 0x1B;
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    static {
        if (BASIC.length() != 128) {
            throw new IllegalStateException("GSM 03.38 table has " + BASIC.length() + " characters");
        }
    }

    private SmsText() {
    }

    public static Encoded encode(String text) {
        return fitsGsm(text) ? gsm(text) : ucs2(text);
    }

    static boolean fitsGsm(String text) {
        return text.chars().allMatch(c -> c != ESCAPE && (BASIC.indexOf(c) >= 0 || EXTENSION_CHARS.indexOf(c) >= 0));
    }

    private static Encoded gsm(String text) {
        // each character as its septets: one, or the escape and one
        List<byte[]> chars = new ArrayList<>();
        int septets = 0;
        for (char c : text.toCharArray()) {
            int basic = BASIC.indexOf(c);
            byte[] s = basic >= 0 ? new byte[] {(byte) basic}
                    : new byte[] {ESCAPE, EXTENSION_CODES[EXTENSION_CHARS.indexOf(c)]};
            chars.add(s);
            septets += s.length;
        }
        int limit = septets <= Coding.GSM7.single ? Coding.GSM7.single : Coding.GSM7.perPart;
        List<byte[]> parts = new ArrayList<>();
        var part = new ByteArrayOutputStream();
        for (byte[] s : chars) {
            if (part.size() + s.length > limit) {
                parts.add(part.toByteArray());
                part.reset();
            }
            part.writeBytes(s);
        }
        parts.add(part.toByteArray());
        return new Encoded(Coding.GSM7, parts);
    }

    private static Encoded ucs2(String text) {
        int limit = text.length() <= Coding.UCS2.single ? Coding.UCS2.single : Coding.UCS2.perPart;
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + limit);
            if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--;
            }
            parts.add(text.substring(from, to).getBytes(StandardCharsets.UTF_16BE));
            from = to;
        }
        if (parts.isEmpty()) {
            parts.add(new byte[0]);
        }
        return new Encoded(Coding.UCS2, parts);
    }

    /** The text of one part's payload (the simulator and the tests read what arrived). */
    public static String decode(byte dataCoding, byte[] payload) {
        if (dataCoding == Coding.UCS2.dataCoding) {
            return new String(payload, StandardCharsets.UTF_16BE);
        }
        var text = new StringBuilder();
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == ESCAPE && i + 1 < payload.length) {
                byte code = payload[++i];
                for (int e = 0; e < EXTENSION_CODES.length; e++) {
                    if (EXTENSION_CODES[e] == code) {
                        text.append(EXTENSION_CHARS.charAt(e));
                    }
                }
            } else {
                text.append(BASIC.charAt(payload[i] & 0x7F));
            }
        }
        return text.toString();
    }
}
