package org.ishenim.indicators;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Monthly reports for tests and benchmarks. */
final class Contributions {

    private Contributions() {
    }

    /** A report made without the hub's "counted elsewhere" list (frozen while the hub was not asked). */
    static MonthlyContribution withoutExclusions(YearMonth month, int version, LocalDate census, String region,
            int counted, int withoutConsent, List<ReportCell> cells) {
        return new MonthlyContribution(month, version, census, region, counted, withoutConsent, cells,
                CountedElsewhere.Status.UNAVAILABLE, 0, List.of(), false);
    }
}
