package org.prakerja.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** One day's figure (registrations, purchases, incentives paid…) for the console's charts. */
public record DayValue(LocalDate day, long value) {

    /** The instant a day starts in {@code zone}, as a bound for SQL. */
    public static Timestamp start(LocalDate day, ZoneId zone) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    /** The start of the day after {@code day}: a per-day query's upper bound, exclusive. */
    public static Timestamp end(LocalDate day, ZoneId zone) {
        return start(day.plusDays(1), zone);
    }

    public static Instant startInstant(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
