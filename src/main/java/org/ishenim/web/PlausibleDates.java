package org.ishenim.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plausible ranges of the dates people type, relative to today in {@code ishenim.clinic.zone}, one place for
 * every form, API request and import (a prescription starting in year 1 once showed 739,955 missed days):
 * <ul>
 * <li>{@link #clinical()}: prescription start and end, absence days, the dosing log's day, the stock report's
 * month: from {@code ishenim.input.earliest-date} (2000-01-01) to {@code ishenim.input.max-days-ahead} (366) days
 * ahead;</li>
 * <li>{@link #reform()}: visits and commitment due dates: from {@code ishenim.input.earliest-historical-date}
 * (1990-01-01) to {@code ishenim.input.reform-max-days-ahead} (3660, about ten years) days ahead;</li>
 * <li>{@link #past()}: what has already happened (a court sentence): from the historical earliest date to
 * today.</li>
 * </ul>
 */
@Component
public class PlausibleDates {

    /** An inclusive range of days. */
    public record Range(LocalDate earliest, LocalDate latest) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(earliest) && !day.isAfter(latest);
        }

        /** {@code day} (null passes: whether a date is required is the caller's rule), or 400 naming the field. */
        public LocalDate check(String field, LocalDate day) {
            if (day != null && !contains(day)) {
                throw new OutOfRangeException(field, rule());
            }
            return day;
        }

        /** The rule in words, for a field error: never the value that was sent. */
        public String rule() {
            return "A date from " + earliest + " to " + latest + ".";
        }
    }

    private final Clock clock;
    private final ZoneId zone;
    private final LocalDate earliest;
    private final int maxDaysAhead;
    private final LocalDate earliestHistorical;
    private final int reformMaxDaysAhead;

    @org.springframework.beans.factory.annotation.Autowired
    PlausibleDates(Clock clock, ClinicZone clinicZone,
            @Value("${ishenim.input.earliest-date:2000-01-01}") LocalDate earliest,
            @Value("${ishenim.input.max-days-ahead:366}") int maxDaysAhead,
            @Value("${ishenim.input.earliest-historical-date:1990-01-01}") LocalDate earliestHistorical,
            @Value("${ishenim.input.reform-max-days-ahead:3660}") int reformMaxDaysAhead) {
        this(clock, clinicZone.id(), earliest, maxDaysAhead, earliestHistorical, reformMaxDaysAhead);
    }

    PlausibleDates(Clock clock, ZoneId zone, LocalDate earliest, int maxDaysAhead, LocalDate earliestHistorical,
            int reformMaxDaysAhead) {
        if (maxDaysAhead < 0 || reformMaxDaysAhead < 0) {
            throw new IllegalStateException("ishenim.input.*max-days-ahead cannot be negative.");
        }
        this.clock = clock;
        this.zone = zone;
        this.earliest = earliest;
        this.maxDaysAhead = maxDaysAhead;
        this.earliestHistorical = earliestHistorical;
        this.reformMaxDaysAhead = reformMaxDaysAhead;
    }

    /** With the defaults, for plain unit tests and tools. */
    public static PlausibleDates defaults(Clock clock, ZoneId zone) {
        return new PlausibleDates(clock, zone, LocalDate.of(2000, 1, 1), 366, LocalDate.of(1990, 1, 1), 3660);
    }

    public Range clinical() {
        LocalDate today = today();
        return new Range(earliest, today.plusDays(maxDaysAhead));
    }

    public Range reform() {
        return new Range(earliestHistorical, today().plusDays(reformMaxDaysAhead));
    }

    public Range past() {
        return new Range(earliestHistorical, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
