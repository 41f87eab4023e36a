package org.ishenim.linkage.schema;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates written in a C89 strftime format (the subset that names dates: %Y %y %m %d %b %B %j, plus
 * %H %M %S %% and literal text), as clkhash's date format does, and writes them as {@code yyyymmdd}.
 */
final class StrftimeDate {

    private final String format;
    private final Pattern regex;
    private final List<Character> directives;

    public StrftimeDate(String format) {
        this.format = format;
        this.directives = new ArrayList<>();
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                re.append(Pattern.quote(String.valueOf(c)));
                continue;
            }
            if (++i == format.length()) {
                throw new IllegalArgumentException("date format ends with a lone %");
            }
            char d = format.charAt(i);
            switch (d) {
                case 'Y' -> re.append("(\\d{4})");
                case 'y', 'H', 'M', 'S' -> re.append(d == 'y' ? "(\\d{2})" : "(\\d{1,2})");
                case 'm', 'd' -> re.append("(\\d{1,2})");
                case 'j' -> re.append("(\\d{1,3})");
                case 'b', 'B' -> re.append("([A-Za-z]+)");
                case '%' -> re.append("%");
                default -> throw new IllegalArgumentException("unsupported date directive %" + d);
            }
            if (d != '%') {
                directives.add(d);
            }
        }
        this.regex = Pattern.compile(re.toString());
    }

    public String format() {
        return format;
    }

    /** Parses the value and returns {@code yyyymmdd}; throws {@link RejectedValue} if it is not a real date. */
    public String toYyyyMmDd(String value) {
        Matcher m = regex.matcher(value);
        if (!m.matches()) {
            throw new RejectedValue("not a date in the format " + format);
        }
        int year = 1900;
        int month = 1;
        int day = 1;
        Integer dayOfYear = null;
        for (int g = 0; g < directives.size(); g++) {
            String part = m.group(g + 1);
            switch (directives.get(g)) {
                case 'Y' -> year = Integer.parseInt(part);
                case 'y' -> {
                    int yy = Integer.parseInt(part);
                    year = yy < 69 ? 2000 + yy : 1900 + yy;
                }
                case 'm' -> month = Integer.parseInt(part);
                case 'd' -> day = Integer.parseInt(part);
                case 'j' -> dayOfYear = Integer.parseInt(part);
                case 'b', 'B' -> month = monthByName(part, directives.get(g) == 'b');
                default -> checkTime(directives.get(g), Integer.parseInt(part));
            }
        }
        try {
            LocalDate date = dayOfYear != null ? LocalDate.ofYearDay(year, dayOfYear) : LocalDate.of(year, month, day);
            return String.format(Locale.ROOT, "%04d%02d%02d", date.getYear(), date.getMonthValue(),
                    date.getDayOfMonth());
        } catch (DateTimeException e) {
            throw new RejectedValue("not a valid calendar date");
        }
    }

    private static int monthByName(String name, boolean abbreviated) {
        for (Month month : Month.values()) {
            String expected = month.getDisplayName(abbreviated ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH);
            if (expected.equalsIgnoreCase(name)) {
                return month.getValue();
            }
        }
        throw new RejectedValue("unknown month name");
    }

    private static void checkTime(char directive, int value) {
        int max = directive == 'H' ? 23 : directive == 'M' ? 59 : 61;
        if (value > max) {
            throw new RejectedValue("time field out of range");
        }
    }
}
