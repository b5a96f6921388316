package org.prakerja.card;

import java.security.SecureRandom;
import org.prakerja.common.Masking;

/**
 * R-24 a card number: 16 digits, the last a Luhn check digit. Numbers are drawn at random from
 * 10^13 possibilities behind the program prefix, so they cannot be guessed from one another.
 */
public record CardNumber(String value) {

    static final String PREFIX = "95";
    private static final SecureRandom RANDOM = new SecureRandom();

    public CardNumber {
        if (value == null || !value.matches("\\d{16}") || !luhnValid(value)) {
            throw new IllegalArgumentException("not a card number");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.matches("\\d{16}") && luhnValid(value);
    }

    static CardNumber random() {
        var digits = new StringBuilder(PREFIX);
        while (digits.length() < 15) {
            digits.append(RANDOM.nextInt(10));
        }
        digits.append(checkDigit(digits.toString()));
        return new CardNumber(digits.toString());
    }

    static int checkDigit(String fifteen) {
        int sum = 0;
        for (int i = 0; i < fifteen.length(); i++) {
            int d = fifteen.charAt(fifteen.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    private static boolean luhnValid(String sixteen) {
        return checkDigit(sixteen.substring(0, 15)) == sixteen.charAt(15) - '0';
    }

    public String last4() {
        return value.substring(12);
    }

    public String masked() {
        return Masking.lastFour(value);
    }

    @Override
    public String toString() {
        return "CardNumber[" + masked() + "]";
    }
}
