package org.prakerja.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GSM 03.38 or UCS-2 by the text, and the parts of a long text. */
class SmsTextTest {

    private static String decoded(SmsText.Encoded e) {
        var all = new StringBuilder();
        e.parts().forEach(p -> all.append(SmsText.decode(e.coding().dataCoding, p)));
        return all.toString();
    }

    @Test
    @DisplayName("160 GSM characters are one SMS, 161 are two parts of at most 153")
    void gsmBoundaries() {
        var one = SmsText.encode("a".repeat(160));
        assertThat(one.coding()).isEqualTo(SmsText.Coding.GSM7);
        assertThat(one.parts()).hasSize(1);
        var two = SmsText.encode("a".repeat(161));
        assertThat(two.parts()).extracting(p -> p.length).containsExactly(153, 8);
        assertThat(SmsText.encode("a".repeat(306)).parts()).hasSize(2);
        assertThat(SmsText.encode("a".repeat(307)).parts()).hasSize(3);
    }

    @Test
    @DisplayName("an extension character counts as two septets and is never split from its escape")
    void extension() {
        assertThat(SmsText.encode("€".repeat(80)).parts()).hasSize(1);
        var e = SmsText.encode("€".repeat(81));
        assertThat(e.coding()).isEqualTo(SmsText.Coding.GSM7);
        // 152 septets (76 euros) fit a part of 153: the 77th would straddle it
        assertThat(e.parts()).extracting(p -> p.length).containsExactly(152, 10);
        assertThat(decoded(e)).isEqualTo("€".repeat(81));
        var mixed = "a" + "{".repeat(80);
        assertThat(decoded(SmsText.encode(mixed))).isEqualTo(mixed);
    }

    @Test
    @DisplayName("a character outside GSM 03.38 makes the whole text UCS-2: 70 single, 67 a part")
    void ucs2Boundaries() {
        String name = "Siti Nurhaliza – ĀŚ";
        var e = SmsText.encode(name);
        assertThat(e.coding()).isEqualTo(SmsText.Coding.UCS2);
        assertThat(decoded(e)).isEqualTo(name);
        assertThat(SmsText.encode("ā".repeat(70)).parts()).hasSize(1);
        assertThat(SmsText.encode("ā".repeat(71)).parts()).extracting(p -> p.length / 2).containsExactly(67, 4);
    }

    @Test
    @DisplayName("a surrogate pair (an emoji) is never split across two parts")
    void surrogates() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);
        var e = SmsText.encode(text);
        assertThat(e.parts().getFirst().length / 2).isEqualTo(66);
        assertThat(decoded(e)).isEqualTo(text);
        for (byte[] p : e.parts()) {
            String s = SmsText.decode(e.coding().dataCoding, p);
            assertThat(Character.isHighSurrogate(s.charAt(s.length() - 1))).isFalse();
        }
    }

    @Test
    @DisplayName("a 300-character Indonesian text is two GSM parts that join to the exact text")
    void indonesian() {
        String text = ("Selamat! Kamu lolos seleksi Kartu Prakerja Gelombang 12. Cek saldo dan nomor kartu di dashboard, "
                + "dan beli pelatihan pertama dalam 30 hari. Jangan berikan kode OTP kepada siapa pun. ").repeat(2)
                .substring(0, 300);
        var e = SmsText.encode(text);
        assertThat(e.coding()).isEqualTo(SmsText.Coding.GSM7);
        assertThat(e.parts()).hasSize(2);
        var joined = new ByteArrayOutputStream();
        e.parts().forEach(joined::writeBytes);
        assertThat(SmsText.decode((byte) 0, joined.toByteArray())).isEqualTo(text);
    }
}
