package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ishenim.hub.ClusterCount;
import org.ishenim.indicators.HubMonthlyReports.StoredReport;
import org.ishenim.medicines.Substance;
import org.junit.jupiter.api.Test;

/**
 * The national coverage range takes the sites' "counted elsewhere" bounds (B): a site's bound figure, or
 * min-cell − 1 for a site that left out fewer than min-cell clients; the sites' clients on treatment without the
 * duplicate-check consent (N, unknown for a report made before it existed); and the hub's last cluster count (ρ, K)
 * (docs/indicators.md, "Error bounds").
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

    /**
     * Worked by hand: on treatment 40 + 35 + 30 = 105, of whom N = 6 + 4 = 10 lack the duplicate-check consent (site c's
     * report does not say: unknown, its clients stay in U), so U = 105 − 10 = 95; B = 14 + 10 = 24. The hub's last
     * count: 200 references in 180 clusters, 20 of them across sites, so ρ = 20 / 200 = 0.1 and ρ⁺ (Wilson, 95 %,
     * n = 200) = (0.1 + 1.96²/400 + 1.96·√(0.1·0.9/200 + 1.96²/160000)) / (1 + 1.96²/200) = 0.14941.
     * <ul>
     * <li>low = 95 + 10·(1 − 2·0.14941) − 0.016·20 = 95 + 7.0119 − 0.32 = 101.69, rounded down: 101</li>
     * <li>point = 95 + 10·(1 − 0.1) = 104</li>
     * <li>high = 95 + 24 + 10 + 0.010·20 = 129.2, rounded up: 130</li>
     * </ul>
     */
    @Test
    void theRangeTakesNFromTheSitesAndRhoAndKFromTheHubsLastClusterCount() {
        Instant counted = Instant.parse("2026-11-02T03:00:00Z");
        List<StoredReport> stored = List.of(
                new StoredReport("a", "chui", 1, 60, 0, onTreatment(40), 14, false, withoutCheck(6)),
                new StoredReport("b", "osh", 1, 50, 0, onTreatment(35), 0, true, withoutCheck(4)),
                new StoredReport("c", "talas", 1, 45, 0, onTreatment(30)));

        var result = NationalIndicators.combine(MONTH, stored, MIN_CELL, "KG",
                Optional.of(new ClusterCount(counted, 200, 180, 20)));

        var range = result.coverageRange().orElseThrow();
        assertThat(range.low()).isEqualTo(101);
        assertThat(range.point()).isEqualTo(104);
        assertThat(range.high()).isEqualTo(130);
        assertThat(range.overlapRate()).isEqualTo(0.1);
        assertThat(range.overlapRateUpper()).isCloseTo(0.14941, within(0.00001));
        var terms = result.rangeTerms();
        assertThat(terms.deduplicated()).contains(95L);
        assertThat(terms.countedElsewhereBound()).isEqualTo(24);
        assertThat(terms.withoutCheck()).isEqualTo(10);
        assertThat(terms.sitesWithoutN()).isEqualTo(1);
        assertThat(terms.clusters()).contains(new ClusterCount(counted, 200, 180, 20));
    }

    @Test
    void withoutAClusterCountTheOverlapIsUnknownAndTheLowEndTakesItAsComplete() {
        List<StoredReport> stored = List.of(
                new StoredReport("a", "chui", 1, 60, 0, onTreatment(40), 0, false, withoutCheck(6)),
                new StoredReport("b", "osh", 1, 50, 0, onTreatment(35), 0, false, withoutCheck(4)));

        var range = NationalIndicators.combine(MONTH, stored, MIN_CELL, "KG").coverageRange().orElseThrow();

        // U = 75 − 10 = 65; no count: ρ = 0 for the estimate, ρ⁺ = 1 for the low end, K = 0
        assertThat(range.low()).isEqualTo(65);
        assertThat(range.point()).isEqualTo(75);
        assertThat(range.high()).isEqualTo(75);
    }

    private static Map<ReportMeasure, Long> withoutCheck(long onTreatment) {
        return Map.of(ReportMeasure.IND11_NUMERATOR, onTreatment, ReportMeasure.IND12_DAYS, 0L,
                ReportMeasure.IND13_RETAINED, 0L, ReportMeasure.IND14_NUMERATOR, 0L);
    }

    /** Men 25 and over on methadone: {@code n} on treatment, in contact, with its denominator. */
    private static List<ReportCell> onTreatment(long n) {
        List<ReportCell> cells = new ArrayList<>();
        cells.add(new ReportCell(ReportMeasure.IND11_NUMERATOR, Sex.M, AgeBand.FROM_25, Substance.METHADONE, n));
        cells.add(new ReportCell(ReportMeasure.IND11_DENOMINATOR, Sex.M, AgeBand.FROM_25, null, n + 20));
        return cells;
    }
}
