package org.prakerja.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prakerja.common.DayValue;

/**
 * A bar chart of one figure per day, drawn on the server as inline SVG by {@code chart.html} (no
 * script): each bar's place and height are computed here, in a 10-unit-per-day, 100-unit-high box
 * the SVG stretches to its width. The same points go in a table only screen readers see, so the
 * chart says the same to everyone. A chart whose source does not exist yet is {@link #unavailable()}.
 */
public record DailyChart(boolean available, List<Bar> bars, long max, long total) {

    /** One day's bar: {@code x} and {@code width} along, {@code y} and {@code height} down from the top. */
    public record Bar(LocalDate day, long value, int x, int width, double y, double height) {
    }

    public static final int DAY_WIDTH = 10;
    public static final int HEIGHT = 100;

    /** Every day from {@code from} to {@code to}, a day without a point counting 0. */
    public static DailyChart of(LocalDate from, LocalDate to, List<DayValue> points) {
        Map<LocalDate, Long> byDay = new HashMap<>();
        points.forEach(p -> byDay.merge(p.day(), p.value(), Long::sum));
        long max = 0;
        long total = 0;
        var values = new ArrayList<DayValue>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long value = byDay.getOrDefault(day, 0L);
            values.add(new DayValue(day, value));
            max = Math.max(max, value);
            total += value;
        }
        var bars = new ArrayList<Bar>();
        for (int i = 0; i < values.size(); i++) {
            var point = values.get(i);
            // a day with something keeps at least a sliver, so it never looks like a day with nothing
            double height = max == 0 ? 0 : Math.max(point.value() == 0 ? 0 : 1.5, 96.0 * point.value() / max);
            bars.add(new Bar(point.day(), point.value(), i * DAY_WIDTH + 1, DAY_WIDTH - 2, HEIGHT - height, height));
        }
        return new DailyChart(true, List.copyOf(bars), max, total);
    }

    /** A figure whose source is not there yet: the page says so instead of drawing nothing. */
    public static DailyChart unavailable() {
        return new DailyChart(false, List.of(), 0, 0);
    }

    public int width() {
        return Math.max(bars.size(), 1) * DAY_WIDTH;
    }

    public LocalDate first() {
        return bars.isEmpty() ? null : bars.getFirst().day();
    }

    public LocalDate last() {
        return bars.isEmpty() ? null : bars.getLast().day();
    }
}
