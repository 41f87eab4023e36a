package org.ishenim.linkage.normalise;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ishenim.linkage.schema.RejectedValue;

/**
 * Parts of an ISO birth date ({@code yyyy-mm-dd}, or {@code yyyymmdd}) used as separate features. Day and month are given as the
 * smaller and the larger of the two numbers, so a date typed with day and month swapped still agrees on both,
 * and a typo in one of them keeps the other. A date is accepted if it is valid in either order. An empty value
 * stays empty (missing).
 */
public final class DateParts {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-?(\\d{1,2})-?(\\d{1,2})");

    private DateParts() {
    }

    public static String year(String iso) {
        int[] parts = parse(iso);
        return parts == null ? "" : String.valueOf(parts[0]);
    }

    public static String dayMonthLow(String iso) {
        int[] parts = parse(iso);
        return parts == null ? "" : two(Math.min(parts[1], parts[2]));
    }

    public static String dayMonthHigh(String iso) {
        int[] parts = parse(iso);
        return parts == null ? "" : two(Math.max(parts[1], parts[2]));
    }

    /**
     * The two-day period the date falls in, counting periods from an even day ({@code offset} 0) or an odd day
     * ({@code offset} 1). Two dates one day apart share exactly one of the two periods; dates two or more days apart
     * share neither. Day and month are read as written; a date only valid with them swapped is read swapped.
     */
    public static String twoDayPeriod(String iso, int offset) {
        int[] parts = parse(iso);
        if (parts == null) {
            return "";
        }
        boolean asWritten = valid(parts[0], parts[1], parts[2]);
        long day = java.time.LocalDate.of(parts[0], asWritten ? parts[1] : parts[2], asWritten ? parts[2] : parts[1])
                .toEpochDay();
        return String.valueOf(Math.floorDiv(day + offset, 2));
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : String.valueOf(value);
    }

    private static int[] parse(String iso) {
        String value = iso.strip();
        if (value.isEmpty()) {
            return null;
        }
        Matcher m = ISO.matcher(value);
        if (!m.matches()) {
            throw new RejectedValue("not an ISO date (yyyy-mm-dd)");
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (!valid(year, month, day) && !valid(year, day, month)) {
            throw new RejectedValue("not a valid calendar date");
        }
        return new int[] {year, month, day};
    }

    private static boolean valid(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }
}
