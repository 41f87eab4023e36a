package org.ishenim.prescriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The dose day is the calendar day in the clinic's zone: Bishkek is UTC+6, with no daylight saving. */
class ClinicCalendarTest {

    static LocalDate day(String utc) {
        return new ClinicCalendar(Clock.fixed(Instant.parse(utc), ZoneOffset.UTC), ZoneId.of("Asia/Bishkek")).today();
    }

    @Test
    void justBeforeLocalMidnightIsStillToday() {
        assertThat(day("2026-03-10T17:59:59Z")).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void justAfterLocalMidnightIsTomorrowWhileUtcIsStillToday() {
        assertThat(day("2026-03-10T18:00:00Z")).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(day("2026-03-10T18:00:01Z")).isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void earlyUtcMorningIsAlreadyLocalDay() {
        assertThat(day("2026-12-31T23:30:00Z")).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
