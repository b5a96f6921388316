package org.prakerja.purchase;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * R-52 a voucher code (kode voucher): unguessable (50 random bits) and short enough to type,
 * in Crockford's base32 without look-alike letters: {@code PK-7M3QD-XH9KA}. A VoucherCode that
 * exists has that form.
 */
record VoucherCode(String value) {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORM = Pattern.compile("^PK-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    VoucherCode {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a voucher code");
        }
    }

    static VoucherCode random() {
        var code = new StringBuilder("PK-");
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return new VoucherCode(code.toString());
    }

    static boolean isWellFormed(String code) {
        return code != null && FORM.matcher(code).matches();
    }
}
