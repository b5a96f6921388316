package org.prakerja.complaint;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A complaint's ticket number, {@code PGD-XXXXX-XXXXX-XXXXX}: 75 random bits in Crockford's
 * base-32 (no I, L, O, U: nothing to misread when it is read out over the phone). Random, not
 * counted, so that knowing one's own ticket tells nothing about another's; reading one still needs
 * the filer's token or email.
 */
record Ticket(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORM = Pattern.compile("^PGD(-[0-9A-HJKMNP-TV-Z]{5}){3}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    public Ticket {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a ticket number");
        }
    }

    static Ticket random() {
        var s = new StringBuilder("PGD");
        for (int group = 0; group < 3; group++) {
            s.append('-');
            for (int i = 0; i < 5; i++) {
                s.append(ALPHABET.charAt(RANDOM.nextInt(32)));
            }
        }
        return new Ticket(s.toString());
    }

    /** A ticket as someone typed it (any case); empty when it cannot be one. */
    public static Optional<Ticket> parse(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String upper = typed.strip().toUpperCase(Locale.ROOT);
        return FORM.matcher(upper).matches() ? Optional.of(new Ticket(upper)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
