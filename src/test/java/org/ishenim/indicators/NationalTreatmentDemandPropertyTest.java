package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ishenim.indicators.HubTreatmentDemand.SitePart;
import org.ishenim.indicators.NationalTreatmentDemand.Result;
import org.ishenim.intake.DemandFigures;

/**
 * The national treatment-demand table over random sites' parts, many of them small: no published entry of any table
 * lies in 1 … 10, no suppressed entry can be solved from the published ones of its table, the shared margins (people
 * by status, and in total) are published alike in every table, and the published total is what the sites sent.
 */
class NationalTreatmentDemandPropertyTest {

    static final int MIN_CELL = 11;
    static final List<String> DIMENSIONS = List.copyOf(DemandFigures.CATEGORIES.keySet());

    @Property(tries = 200)
    void nothingSmallIsPublishedNothingSuppressedCanBeSolvedAndTheMarginsAgree(
            @ForAll("sites") List<List<List<Integer>>> sites) {
        List<SitePart> parts = new ArrayList<>();
        long people = 0;
        for (int s = 0; s < sites.size(); s++) {
            parts.add(new SitePart("site-" + s, "2026-12", part(sites.get(s))));
            people += sites.get(s).size();
        }
        Result r = NationalTreatmentDemand.combine(Year.of(2026), parts, MIN_CELL);
        List<String> margins = null;
        for (NationalTreatmentDemand.Table t : r.tables()) {
            ProtectedTable p = t.counts();
            boolean[][] suppressed = new boolean[p.rows().size() + 1][p.columns().size() + 1];
            List<String> margin = new ArrayList<>();
            for (int i = 0; i <= p.rows().size(); i++) {
                for (int j = 0; j <= p.columns().size(); j++) {
                    ProtectedTable.Shown shown = p.entry(i, j);
                    suppressed[i][j] = shown.suppressed();
                    if (!shown.suppressed()) {
                        long v = shown.count().getAsLong();
                        assertThat(v == 0 || v >= MIN_CELL).as("%s %d,%d = %d", t.dimension(), i, j, v).isTrue();
                    }
                    if (i == p.rows().size()) {
                        margin.add(shown.text());
                    }
                }
            }
            assertThat(Suppression.firstBridge(suppressed)).as(t.dimension()).isNull();
            if (margins == null) {
                margins = margin;
            }
            assertThat(margin).as(t.dimension()).isEqualTo(margins);
        }
        if (!r.counted().suppressed()) {
            assertThat(r.counted().count().getAsLong()).isEqualTo(people);
        }
        net.jqwik.api.statistics.Statistics.collect(r.counted().suppressed() ? "total suppressed"
                : margins.contains(ProtectedTable.MARK) ? "a margin suppressed" : "margins published");
    }

    /** A site's part from its people: each a status and one of the first three categories of each disaggregation. */
    static TreatmentDemandPart part(List<List<Integer>> people) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (List<Integer> person : people) {
            String status = DemandFigures.STATUSES.get(person.get(0));
            for (int d = 0; d < DIMENSIONS.size(); d++) {
                String category = DemandFigures.CATEGORIES.get(DIMENSIONS.get(d)).get(person.get(d + 1));
                counts.merge(DIMENSIONS.get(d) + "\t" + category + "\t" + status, 1L, Long::sum);
            }
        }
        List<TreatmentDemandPart.Cell> cells = new ArrayList<>();
        counts.forEach((key, n) -> {
            String[] k = key.split("\t");
            cells.add(new TreatmentDemandPart.Cell(k[0], k[1], k[2], n));
        });
        return new TreatmentDemandPart(people.size(), people.size() % 7, cells);
    }

    @Provide
    Arbitrary<List<List<List<Integer>>>> sites() {
        Arbitrary<List<Integer>> person = Arbitraries.integers().between(0, 2).list()
                .ofSize(DIMENSIONS.size() + 1);
        return person.list().ofMaxSize(45).list().ofMinSize(1).ofMaxSize(5);
    }
}
