package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ishenim.indicators.HubMonthlyReports.StoredReport;
import org.ishenim.indicators.NationalIndicators.Result;
import org.ishenim.indicators.exchange.Cell;
import org.ishenim.indicators.exchange.DisclosureCheck;
import org.ishenim.indicators.exchange.IndicatorSet;
import org.ishenim.indicators.exchange.IndicatorValue;
import org.ishenim.medicines.Substance;

/**
 * The national combination over random sets of site reports, many of them small: whatever the sites send, no
 * published entry of any table (national, regional, "other regions", totals) lies in 1 … 10, no suppressed entry is
 * a bridge (so none can be solved from the published ones, regions and nation together), the national totals are
 * the sums of what the sites sent when published, and every indicator set passes the exporters' last gate.
 */
class NationalCombinationPropertyTest {

    static final int MIN_CELL = 11;
    static final YearMonth MONTH = YearMonth.of(2026, 3);

    @Property(tries = 150)
    void nothingSmallIsPublishedAndNothingSuppressedCanBeSolved(@ForAll("reports") List<StoredReport> stored) {
        Result r = NationalIndicators.combine(MONTH, stored, MIN_CELL, "KG");
        net.jqwik.api.statistics.Statistics.collect(r.regional() ? "regional, " + r.rows().size() + " rows"
                : "national only");
        List<ProtectedTable> tables = new ArrayList<>(r.tables().values());
        tables.add(r.consent());
        for (ProtectedTable t : tables) {
            boolean[][] suppressed = new boolean[t.rows().size() + 1][t.columns().size() + 1];
            for (int i = 0; i <= t.rows().size(); i++) {
                for (int j = 0; j <= t.columns().size(); j++) {
                    ProtectedTable.Shown s = t.entry(i, j);
                    suppressed[i][j] = s.suppressed();
                    if (!s.suppressed()) {
                        long v = s.count().getAsLong();
                        assertThat(v == 0 || v >= MIN_CELL).as("entry %d,%d = %d", i, j, v).isTrue();
                    }
                }
            }
            assertThat(Suppression.firstBridge(suppressed)).as("a solvable suppressed entry").isNull();
        }
        for (ReportMeasure measure : NationalIndicators.PUBLISHED) {
            ProtectedTable.Shown total = r.entry(measure, null,
                    org.ishenim.indicators.exchange.Disaggregation.TOTAL);
            long sum = stored.stream().flatMap(s -> s.cells().stream()).filter(c -> c.measure() == measure)
                    .mapToLong(ReportCell::count).sum();
            if (!total.suppressed()) {
                assertThat(total.count().getAsLong()).isEqualTo(sum);
            }
        }
        for (IndicatorSet set : r.indicatorSets()) {
            DisclosureCheck.requireProtected(set, MIN_CELL);
            for (IndicatorValue v : set.values()) {
                assertThat(List.of(v.numerator(), v.denominator() == null ? Cell.of(0) : v.denominator()))
                        .allMatch(c -> c.suppressed() || c.count().getAsLong() == 0
                                || c.count().getAsLong() >= MIN_CELL);
            }
        }
        assertThat(r.rows()).doesNotContainNull();
        if (r.regional()) {
            assertThat(r.rows()).hasSizeGreaterThan(1);
        }
    }

    @Provide
    Arbitrary<List<StoredReport>> reports() {
        Arbitrary<String> region = Arbitraries.of("chui", "osh", "talas", "naryn", "");
        Arbitrary<Integer> count = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 12)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(13, 90)));
        Arbitrary<List<Integer>> counts = count.list().ofSize(ReportMeasure.values().length * 6 * 2);
        Arbitrary<StoredReport> report = Combinators.combine(region, counts, count, count)
                .as((reg, cs, counted, without) -> report(reg, cs, counted, without));
        return report.list().ofMinSize(0).ofMaxSize(6).map(list -> {
            List<StoredReport> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                StoredReport r = list.get(i);
                named.add(new StoredReport("site-" + i, r.region(), 1, r.counted(), r.withoutConsent(), r.cells()));
            }
            return named;
        });
    }

    static StoredReport report(String region, List<Integer> counts, int counted, int without) {
        List<ReportCell> cells = new ArrayList<>();
        int k = 0;
        for (ReportMeasure measure : ReportMeasure.values()) {
            for (Sex sex : Sex.values()) {
                for (AgeBand age : AgeBand.values()) {
                    if (measure.byMedicine()) {
                        for (Substance medicine : Substance.values()) {
                            cells.add(new ReportCell(measure, sex, age, medicine, counts.get(k++)));
                        }
                    } else {
                        cells.add(new ReportCell(measure, sex, age, null, counts.get(k++)));
                        k++;
                    }
                }
            }
        }
        return new StoredReport("site", region, 1, counted, without, cells);
    }
}
