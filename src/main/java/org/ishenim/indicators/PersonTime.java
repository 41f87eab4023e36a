package org.ishenim.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;

/** HIV.IND.12: days on OAMT within {@code [from, to)}, by stratum (age band at {@code from}), and as person-years. */
record PersonTime(LocalDate from, LocalDate to, SortedMap<Stratum, Long> days) {

    static final BigDecimal DAYS_A_YEAR = new BigDecimal("365.25");

    PersonTime {
        days = Collections.unmodifiableSortedMap(days);
    }

    long totalDays() {
        return days.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Person-years to three decimals (days / 365.25). */
    BigDecimal personYears() {
        return BigDecimal.valueOf(totalDays()).divide(DAYS_A_YEAR, 3, RoundingMode.HALF_UP);
    }
}
