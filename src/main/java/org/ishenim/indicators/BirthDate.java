package org.ishenim.indicators;

import java.time.LocalDate;
import java.time.Period;

/**
 * A birth date, or only the birth year (the clients module always keeps the year; the date may be unknown). With the
 * year alone the birthday is taken as 1 July, the usual mid-year convention.
 */
record BirthDate(int year, LocalDate date) {

    BirthDate {
        if (date != null && date.getYear() != year) {
            throw new IllegalArgumentException("The birth year and date disagree.");
        }
    }

    static BirthDate of(LocalDate date) {
        return new BirthDate(date.getYear(), date);
    }

    static BirthDate ofYear(int year) {
        return new BirthDate(year, null);
    }

    /** Whole years of age on the given day; a birthday on that day counts. */
    int ageOn(LocalDate day) {
        LocalDate birthday = date != null ? date : LocalDate.of(year, 7, 1);
        return day.isBefore(birthday) ? -1 : Period.between(birthday, day).getYears();
    }
}
