package org.prakerja.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * How pages show money and time: {@code Rp1.000.000} (docs/rules.md, whatever the language), dates in
 * Western Indonesian Time in the reader's language. Templates call it as {@code ${@fmt.rupiah(x)}}.
 */
@Component("fmt")
public class PageFormat {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    public String rupiah(long amount) {
        // a negative sum (the program fund's, which is minus all it issued) reads −Rp…, not Rp-…
        String digits = NumberFormat.getIntegerInstance(INDONESIAN).format(Math.abs(amount));
        return (amount < 0 ? "\u2212Rp" : "Rp") + digits;
    }

    public String date(@Nullable Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(reader())
                .format(at.atZone(WIB));
    }

    /**
     * A rating of 0..5 as five stars, rounded to the nearest whole star; for the eye only (the page
     * says the number in words beside it for screen readers).
     */
    public String stars(double rating) {
        int full = (int) Math.max(0, Math.min(5, Math.round(rating)));
        return "★".repeat(full) + "☆".repeat(5 - full);
    }

    /** A calendar day (a birth date), in the reader's language. */
    public String day(@Nullable java.time.LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(reader()).format(day);
    }

    public String dateTime(@Nullable Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(reader()).format(at.atZone(WIB)) + " WIB";
    }

    /** A program day (already in Western Indonesian Time) in short, e.g. 26 Nov 2026, for charts. */
    public String shortDay(@Nullable java.time.LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(reader()).format(day);
    }

    /** A count with the reader's digit grouping: 200.000 in Indonesian, 200,000 in English. */
    public String number(long n) {
        return NumberFormat.getIntegerInstance(reader()).format(n);
    }

    /** A card number in groups of four, as printed on cards and typed at the platforms (which take the spaces). */
    public String cardNumber(@Nullable String digits) {
        return digits == null ? "" : digits.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    private static Locale reader() {
        return LocaleContextHolder.getLocale().getLanguage().equals("en") ? Locale.UK : INDONESIAN;
    }
}
