package org.ishenim.indicators.exchange;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The period a set of indicators covers: a calendar month or a calendar year, {@code [start, end)}. A census-date
 * indicator (IND.11, IND.14) is taken on the period's last day.
 */
public record ReportingPeriod(LocalDate start, LocalDate end) {

    public ReportingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        boolean month = start.getDayOfMonth() == 1 && end.equals(start.plusMonths(1));
        boolean year = start.getDayOfYear() == 1 && end.equals(start.plusYears(1));
        if (!month && !year) {
            throw new IllegalArgumentException("A reporting period is a calendar month or a calendar year.");
        }
    }

    public static ReportingPeriod month(YearMonth month) {
        return new ReportingPeriod(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public static ReportingPeriod year(Year year) {
        return new ReportingPeriod(year.atDay(1), year.plusYears(1).atDay(1));
    }

    public boolean isYear() {
        return end.equals(start.plusYears(1));
    }

    /** The last day in the period (the census date). */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    /** DHIS2's period identifier: {@code 2026} for a year, {@code 202604} for a month. */
    public String dhis2Id() {
        return isYear() ? Integer.toString(start.getYear()) : start.format(DateTimeFormatter.ofPattern("yyyyMM"));
    }

    /** ADX's period: an ISO 8601 start date and duration, {@code 2026-01-01/P1Y} or {@code 2026-04-01/P1M}. */
    public String adxPeriod() {
        return start + (isYear() ? "/P1Y" : "/P1M");
    }
}
