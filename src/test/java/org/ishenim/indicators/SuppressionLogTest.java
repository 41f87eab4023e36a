package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.ishenim.indicators.HubMonthlyReports.StoredReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every suppression decision of the published tables is logged (docs/indicators.md, "Logged"): the entry's labels and
 * the reason, never a value. Once per month and table: the same tables combined again (a page viewed again, a
 * download, the trends) log nothing new; a corrected report that changes the decisions logs them again. A month no
 * other test uses (1999-07), as the log remembers what it wrote.
 */
@ExtendWith(OutputCaptureExtension.class)
class SuppressionLogTest {

    static final YearMonth MONTH = YearMonth.of(1999, 7);

    @Test
    void eachDecisionIsLoggedOnceWithItsLabelsAndNeverAValue(CapturedOutput output) {
        List<StoredReport> sites = List.of(site("a", 3), site("b", 0));

        var combined = NationalIndicators.combine(MONTH, sites, 11, "KG");
        assertThat(combined.tables().get(ReportMeasure.IND11_NUMERATOR).log()).as("decisions").isNotEmpty();
        List<String> first = lines(output);
        assertThat(first).isNotEmpty()
                .anyMatch(l -> l.contains("IND11/NUMERATOR: suppressed [") && l.contains("PRIMARY"))
                .allMatch(l -> !l.matches(".*\\b(3|40|43|80|83)\\b.*"));

        NationalIndicators.combine(MONTH, sites, 11, "KG");
        assertThat(lines(output)).as("the same tables again: nothing new").hasSameSizeAs(first);

        NationalIndicators.combine(MONTH, List.of(site("a", 3), site("b", 0), new StoredReport("c", "r-c", 1, 20, 0,
                List.of(new ReportCell(ReportMeasure.IND11_NUMERATOR, Sex.OTHER, AgeBand.UNDER_25,
                        org.ishenim.medicines.Substance.BUPRENORPHINE, 2)))), 11, "KG");
        assertThat(lines(output)).as("changed decisions are logged again").hasSizeGreaterThan(first.size());
    }

    static List<String> lines(CapturedOutput output) {
        return output.getAll().lines().filter(l -> l.contains("national indicators " + MONTH)).toList();
    }

    /**
     * A site in its own region: {@code women} women under 25 and 40 men 25+ on methadone on treatment, 60 in contact.
     * Two such sites are too small apart to be published by region: the national table has the women's cell alone.
     */
    static StoredReport site(String code, long women) {
        return new StoredReport(code, "r-" + code, 1, 60, 0, List.of(
                new ReportCell(ReportMeasure.IND11_NUMERATOR, Sex.F, AgeBand.UNDER_25,
                        org.ishenim.medicines.Substance.METHADONE, women),
                new ReportCell(ReportMeasure.IND11_NUMERATOR, Sex.M, AgeBand.FROM_25,
                        org.ishenim.medicines.Substance.METHADONE, 40),
                new ReportCell(ReportMeasure.IND11_DENOMINATOR, Sex.M, AgeBand.FROM_25, null, 60)));
    }
}
