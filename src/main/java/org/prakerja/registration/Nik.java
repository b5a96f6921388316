package org.prakerja.registration;

import java.time.LocalDate;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.Masking;

/**
 * R-11 a Nomor Induk Kependudukan: 16 digits, digits 7-12 the birth date as DDMMYY with 40 added
 * to DD for women, and a serial (digits 13-16) that is never 0000. A Nik that exists has that
 * form; whether it agrees with a person's birth date and gender is {@link #agreesWith}.
 */
record Nik(String value) {

    public Nik {
        if (value == null || !value.matches("\\d{16}")) {
            throw new InvalidInput("nik", "must be 16 digits");
        }
        int day = Integer.parseInt(value.substring(6, 8));
        int month = Integer.parseInt(value.substring(8, 10));
        int realDay = day > 40 ? day - 40 : day;
        if (realDay < 1 || realDay > 31 || month < 1 || month > 12) {
            throw new InvalidInput("nik", "digits 7-12 must be a birth date DDMMYY (DD + 40 for women)");
        }
        if (value.endsWith("0000")) {
            throw new InvalidInput("nik", "serial (digits 13-16) must not be 0000");
        }
    }

    public boolean agreesWith(LocalDate birthDate, Gender gender) {
        int day = Integer.parseInt(value.substring(6, 8));
        int month = Integer.parseInt(value.substring(8, 10));
        int year = Integer.parseInt(value.substring(10, 12));
        boolean female = day > 40;
        return (female == (gender == Gender.F))
                && (female ? day - 40 : day) == birthDate.getDayOfMonth()
                && month == birthDate.getMonthValue()
                && year == birthDate.getYear() % 100;
    }

    public String masked() {
        return value.substring(0, 4) + "********" + value.substring(12);
    }

    @Override
    public String toString() {
        return "Nik[" + Masking.lastFour(value) + "]";
    }
}
