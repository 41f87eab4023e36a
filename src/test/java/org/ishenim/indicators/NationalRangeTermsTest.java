package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.ishenim.indicators.HubMonthlyReports.StoredReport;
import org.ishenim.medicines.Substance;
import org.junit.jupiter.api.Test;

/**
 * The national coverage range takes the sites' "counted elsewhere" bounds (B): a site's bound figure, or
 * min-cell − 1 for a site that left out fewer than min-cell clients (docs/indicators.md, "Error bounds").
 */
class NationalRangeTermsTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final int MIN_CELL = 11;

    @Test
    void theRangesHighEndAddsEachSitesBoundAndMinCellLessOneForASiteBelowMinCell() {
        // U = 40 + 35 + 30 = 105 on treatment; B = 14 (a bound figure) + 10 (below min-cell) + 0 (no one left out)
        List<StoredReport> stored = List.of(
                new StoredReport("a", "chui", 1, 60, 0, onTreatment(40), 14, false),
                new StoredReport("b", "osh", 1, 50, 0, onTreatment(35), 0, true),
                new StoredReport("c", "talas", 1, 45, 0, onTreatment(30)));

        var range = NationalIndicators.combine(MONTH, stored, MIN_CELL, "KG").coverageRange().orElseThrow();

        assertThat(range.point()).isEqualTo(105);
        assertThat(range.low()).isEqualTo(105);
        assertThat(range.high()).isEqualTo(105 + 14 + 10);
    }

    @Test
    void withoutCountedElsewhereClientsTheRangeIsTheCountItself() {
        List<StoredReport> stored = List.of(new StoredReport("a", "chui", 1, 60, 0, onTreatment(40)),
                new StoredReport("c", "talas", 1, 45, 0, onTreatment(30)));

        var range = NationalIndicators.combine(MONTH, stored, MIN_CELL, "KG").coverageRange().orElseThrow();

        assertThat(range.high()).isEqualTo(70);
        assertThat(range.low()).isEqualTo(70);
    }

    /** Men 25 and over on methadone: {@code n} on treatment, in contact, with its denominator. */
    private static List<ReportCell> onTreatment(long n) {
        List<ReportCell> cells = new ArrayList<>();
        cells.add(new ReportCell(ReportMeasure.IND11_NUMERATOR, Sex.M, AgeBand.FROM_25, Substance.METHADONE, n));
        cells.add(new ReportCell(ReportMeasure.IND11_DENOMINATOR, Sex.M, AgeBand.FROM_25, null, n + 20));
        return cells;
    }
}
