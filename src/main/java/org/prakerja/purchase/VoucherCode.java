package org.prakerja.purchase;

import java.security.SecureRandom;

/**
 * R-52 a voucher code (kode voucher): unguessable (50 random bits) and short enough to type,
 * in Crockford's base32 without look-alike letters: {@code PK-7M3QD-XH9KA}.
 */
final class VoucherCode {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VoucherCode() {
    }

    static String random() {
        var code = new StringBuilder("PK-");
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    static boolean isWellFormed(String code) {
        return code != null && code.matches("^PK-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$");
    }
}
