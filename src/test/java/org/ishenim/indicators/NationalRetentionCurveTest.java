package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.ishenim.indicators.HubMonthlyReports.StoredReport;
import org.ishenim.medicines.Substance;
import org.junit.jupiter.api.Test;

/**
 * The national retention curve (docs/indicators.md, "The national page"): IND.13 at 3, 6, 9 and 12 months, each point
 * the cohort that started that many months before the report's month, added up over the sites and published through
 * disclosure control; drawn as a curve with no point for a suppressed share.
 */
class NationalRetentionCurveTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final int MIN_CELL = 11;

    /**
     * Worked by hand (retained / observable): 3 months chui 16 / 20 (men 25+) and osh 14 / 20 (women 25+), national
     * 30 / 40 = 75.0 %; 6 months chui 12 / 15 and osh 20 / 25, national 32 / 40 = 80.0 %; 9 months chui 5 / 9, small
     * in both: [c]; 12 months no cohort: 0 / 0.
     */
    @Test
    void eachPointAddsUpItsOwnCohortAndASmallPointIsSuppressed() {
        List<StoredReport> stored = List.of(
                new StoredReport("a", "chui", 1, 60, 0, List.of(
                        cell(ReportMeasure.IND13_RETAINED3, Sex.M, 16), cell(ReportMeasure.IND13_OBSERVABLE3, Sex.M, 20),
                        cell(ReportMeasure.IND13_RETAINED, Sex.M, 12), cell(ReportMeasure.IND13_OBSERVABLE, Sex.M, 15),
                        cell(ReportMeasure.IND13_RETAINED9, Sex.M, 5), cell(ReportMeasure.IND13_OBSERVABLE9, Sex.M, 9))),
                new StoredReport("b", "osh", 1, 50, 0, List.of(
                        cell(ReportMeasure.IND13_RETAINED3, Sex.F, 14), cell(ReportMeasure.IND13_OBSERVABLE3, Sex.F, 20),
                        cell(ReportMeasure.IND13_RETAINED, Sex.M, 20), cell(ReportMeasure.IND13_OBSERVABLE, Sex.M, 25))));

        var curve = NationalIndicators.combine(MONTH, stored, MIN_CELL, "KG").retentionCurve();

        assertThat(curve).extracting(p -> p.month() + ": " + p.retained().text() + " / " + p.observable().text())
                .containsExactly("3: 30 / 40", "6: 32 / 40", "9: [c] / [c]", "12: 0 / 0");
    }

    @Test
    void theCurveJoinsPublishedPointsAndMarksASuppressedOne() {
        List<OptionalDouble> shares = new ArrayList<>(List.of(OptionalDouble.of(0.75), OptionalDouble.of(0.8),
                OptionalDouble.empty(), OptionalDouble.of(0.5)));

        String svg = NationalCharts.curve("Retention", List.of(3, 6, 9, 12), shares, "Months");

        assertThat(svg).startsWith("<svg").contains("<title>Retention</title>").contains("75.0%").contains("80.0%")
                .contains("50.0%").contains(ProtectedTable.MARK).contains("Months");
        assertThat(svg.split("<circle", -1)).as("three points").hasSize(4);
        assertThat(svg.split("stroke-width=\"2\"", -1)).as("one line: 3 to 6; none through 9").hasSize(2);
    }

    private static ReportCell cell(ReportMeasure measure, Sex sex, long count) {
        return new ReportCell(measure, sex, AgeBand.FROM_25, Substance.METHADONE, count);
    }
}
