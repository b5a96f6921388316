package org.prakerja.common;

/** How secrets are shown where they must be shown at all: only the last four characters. */
public final class Masking {

    private Masking() {
    }

    public static String lastFour(String secret) {
        if (secret == null || secret.length() <= 4) {
            return "****";
        }
        return "*".repeat(secret.length() - 4) + secret.substring(secret.length() - 4);
    }

    public static String email(String email) {
        int at = email.indexOf('@');
        if (at <= 1) {
            return "***" + email.substring(Math.max(at, 0));
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** "Budi Santoso" becomes "B*** S***". */
    public static String name(String fullName) {
        var parts = fullName.trim().split("\\s+");
        var masked = new StringBuilder();
        for (String p : parts) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            masked.append(p.charAt(0)).append("***");
        }
        return masked.toString();
    }
}
