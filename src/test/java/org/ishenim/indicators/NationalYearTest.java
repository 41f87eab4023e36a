package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ishenim.indicators.HubMonthlyReports.StoredReport;
import org.ishenim.medicines.Substance;
import org.junit.jupiter.api.Test;

/**
 * A year for a yearly DHIS2 data set ({@link NationalIndicators#yearly}), worked by hand: site A reported January,
 * June and December of 2025, site B March and November only, and site A also December 2024.
 * <ul>
 * <li>A's year takes IND.11 and IND.14 and its consent figures from December (on treatment 30), and adds IND.12's
 * person-days (100 + 200 + 300 = 600) and IND.13's cohorts (cohort 4 + 6 = 10, retained 3 + 5 = 8) over its 2025
 * months; December 2024 is another year.</li>
 * <li>B sent no December report: it has no census date in the year and is not in it.</li>
 * </ul>
 */
class NationalYearTest {

    static final Year YEAR = Year.of(2025);

    @Test
    void aSitesYearIsItsDecemberCensusWithTheMonthsDaysAndCohortsAddedUp() {
        Map<YearMonth, List<StoredReport>> byMonth = Map.of(
                YearMonth.of(2024, 12), List.of(a(70, 9_999, 50, 50, 44)),
                YearMonth.of(2025, 1), List.of(a(10, 100, 4, 3, 8)),
                YearMonth.of(2025, 3), List.of(b()),
                YearMonth.of(2025, 6), List.of(a(20, 200, 0, 0, 18)),
                YearMonth.of(2025, 11), List.of(b()),
                YearMonth.of(2025, 12), List.of(a(30, 300, 6, 5, 25)));

        List<StoredReport> year = NationalIndicators.yearly(YEAR, byMonth);

        assertThat(year).extracting(StoredReport::site).containsExactly("a");
        StoredReport a = year.get(0);
        assertThat(a.counted()).isEqualTo(31);
        assertThat(counts(a)).isEqualTo(Map.of(
                ReportMeasure.IND11_NUMERATOR, 30L,
                ReportMeasure.IND12_DAYS, 600L,
                ReportMeasure.IND13_COHORT, 10L,
                ReportMeasure.IND13_RETAINED, 8L,
                ReportMeasure.IND14_NUMERATOR, 25L));
    }

    @Test
    void aYearWithoutDecemberReportsHasNoSite() {
        assertThat(NationalIndicators.yearly(YEAR, Map.of(YearMonth.of(2025, 6), List.of(a(20, 200, 0, 0, 18)))))
                .isEmpty();
    }

    /** Site A's month: one stratum (men 25+, methadone) per measure; zero cohorts are not reported, as clinics do. */
    static StoredReport a(long onTreatment, long days, long cohort, long retained, long adequate) {
        List<ReportCell> cells = new java.util.ArrayList<>(List.of(
                cell(ReportMeasure.IND11_NUMERATOR, onTreatment), cell(ReportMeasure.IND12_DAYS, days),
                cell(ReportMeasure.IND14_NUMERATOR, adequate)));
        if (cohort > 0) {
            cells.add(cell(ReportMeasure.IND13_COHORT, cohort));
            cells.add(cell(ReportMeasure.IND13_RETAINED, retained));
        }
        return new StoredReport("a", "chui", 1, (int) onTreatment + 1, 2, cells);
    }

    static StoredReport b() {
        return new StoredReport("b", "osh", 1, 40, 0, List.of(cell(ReportMeasure.IND11_NUMERATOR, 40),
                cell(ReportMeasure.IND12_DAYS, 1_200)));
    }

    static ReportCell cell(ReportMeasure measure, long count) {
        return new ReportCell(measure, Sex.M, AgeBand.FROM_25, measure.byMedicine() ? Substance.METHADONE : null,
                count);
    }

    static Map<ReportMeasure, Long> counts(StoredReport r) {
        return r.cells().stream().collect(Collectors.groupingBy(ReportCell::measure,
                Collectors.summingLong(ReportCell::count)));
    }
}
