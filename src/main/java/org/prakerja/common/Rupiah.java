package org.prakerja.common;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Whole rupiah, never fractions. Non-negative: a signed movement is expressed as a transfer
 * between two accounts, not as a negative amount.
 */
public record Rupiah(long amount) implements Comparable<Rupiah> {

    public static final Rupiah ZERO = new Rupiah(0);

    public Rupiah {
        if (amount < 0) {
            throw new IllegalArgumentException("rupiah amount must not be negative: " + amount);
        }
    }

    public static Rupiah of(long amount) {
        return new Rupiah(amount);
    }

    public Rupiah plus(Rupiah other) {
        return new Rupiah(Math.addExact(amount, other.amount));
    }

    public Rupiah minus(Rupiah other) {
        return new Rupiah(Math.subtractExact(amount, other.amount));
    }

    public Rupiah times(long factor) {
        return new Rupiah(Math.multiplyExact(amount, factor));
    }

    public boolean covers(Rupiah price) {
        return amount >= price.amount;
    }

    public boolean isZero() {
        return amount == 0;
    }

    @Override
    public int compareTo(Rupiah other) {
        return Long.compare(amount, other.amount);
    }

    /** Indonesian notation: {@code Rp1.000.000}. */
    public String formatted() {
        var symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("id-ID"));
        symbols.setGroupingSeparator('.');
        return "Rp" + new DecimalFormat("#,##0", symbols).format(amount);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
