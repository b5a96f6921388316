package org.prakerja.incentive;

import java.text.Normalizer;
import java.util.Locale;

/** R-71 the provider's holder name against the registered full name: case, spaces and punctuation ignored. */
final class HolderName {

    private HolderName() {
    }

    public static boolean matches(String providerName, String registeredName) {
        return providerName != null && registeredName != null && !normalized(providerName).isEmpty()
                && normalized(providerName).equals(normalized(registeredName));
    }

    /** Letters and digits only, lower case, accents taken off ("Budi  Santoso," → "budisantoso"). */
    static String normalized(String name) {
        var decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        var kept = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
