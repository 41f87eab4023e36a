package org.ishenim.indicators;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The days a client is covered: each dose day (the date of the dose's instant in the clinic's zone) and the take-home
 * days after it. Kept as sorted, distinct epoch days.
 */
final class CoveredDays {

    private final long[] days;

    private CoveredDays(long[] days) {
        this.days = days;
    }

    static CoveredDays of(List<Dose> doses, ZoneId zone) {
        long[] all = new long[doses.stream().mapToInt(d -> d.takeHomeDays() + 1).sum()];
        int n = 0;
        for (Dose dose : doses) {
            long day = LocalDate.ofInstant(dose.givenAt(), zone).toEpochDay();
            for (int i = 0; i <= dose.takeHomeDays(); i++) {
                all[n++] = day + i;
            }
        }
        return new CoveredDays(Arrays.stream(all).sorted().distinct().toArray());
    }

    /** The last covered day on or before {@code day}, as an epoch day, or {@code Long.MIN_VALUE} if none. */
    long lastOnOrBefore(LocalDate day) {
        int i = Arrays.binarySearch(days, day.toEpochDay());
        int at = i >= 0 ? i : -i - 2;
        return at >= 0 ? days[at] : Long.MIN_VALUE;
    }

    /** Whether a day in {@code [day - gap, day]} is covered. */
    boolean coveredWithin(LocalDate day, int gap) {
        long last = lastOnOrBefore(day);
        return last != Long.MIN_VALUE && day.toEpochDay() - last <= gap;
    }

    /**
     * The longest run of uncovered days in {@code [from, to]} (both inclusive); a run still open on {@code to}
     * counts up to {@code to}.
     */
    long longestUncoveredRun(LocalDate from, LocalDate to) {
        long first = from.toEpochDay();
        long last = to.toEpochDay();
        int i = Arrays.binarySearch(days, first);
        int at = i >= 0 ? i : -i - 1;
        long previous = first - 1;
        long longest = 0;
        for (; at < days.length && days[at] <= last; at++) {
            longest = Math.max(longest, days[at] - previous - 1);
            previous = days[at];
        }
        return Math.max(longest, last - previous);
    }
}
