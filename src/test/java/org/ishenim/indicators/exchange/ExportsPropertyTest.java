package org.ishenim.indicators.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.w3c.dom.NodeList;

/**
 * Over random suppressed sets (28 cells: counts 0 and 11 … 400, some suppressed), half of them spoiled with one count
 * from 1 to min-cell − 1: every exporter refuses a spoiled set, and writes no count from 1 to min-cell − 1 from the
 * others. FHIR, ADX and DHIS2 alike.
 */
class ExportsPropertyTest {

    static final int MIN_CELL = SampleSets.MIN_CELL;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-15T08:00:00Z"), ZoneOffset.UTC);
    static final FhirContext FHIR = FhirContext.forR4Cached();

    final Dhis2Mapping mapping = Dhis2Mapping.whoHivAggregatePackage();
    final MeasureReports fhir = new MeasureReports(MIN_CELL, CLOCK);
    final AdxExport adx = new AdxExport(mapping, MIN_CELL, CLOCK);
    final DataValueSets dhis2 = new DataValueSets(mapping, MIN_CELL);

    @Property(tries = 200)
    void noExportPublishesASmallCount(@ForAll("sets") IndicatorSet protectedSet, @ForAll boolean spoil,
            @ForAll @IntRange(min = 0, max = 27) int index, @ForAll @IntRange(min = 1, max = MIN_CELL - 1) int small,
            @ForAll boolean inDenominator) throws Exception {
        IndicatorSet set = spoil ? spoiled(protectedSet, index, small, inDenominator) : protectedSet;
        if (spoil) {
            assertThatThrownBy(() -> fhir.export(set)).isInstanceOf(UnprotectedCellException.class);
            assertThatThrownBy(() -> adx.write(List.of(set))).isInstanceOf(UnprotectedCellException.class);
            assertThatThrownBy(() -> dhis2.build(set)).isInstanceOf(UnprotectedCellException.class);
            return;
        }
        List<Long> written = new ArrayList<>();
        for (MeasureReportFile file : fhir.export(set)) {
            MeasureReport report = FHIR.newJsonParser().parseResource(MeasureReport.class, file.json());
            for (var group : report.getGroup()) {
                group.getPopulation().forEach(p -> add(written, p.getCountElement()));
                group.getStratifier().forEach(s -> s.getStratum()
                        .forEach(st -> st.getPopulation().forEach(p -> add(written, p.getCountElement()))));
            }
        }
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList values = factory.newDocumentBuilder().parse(new ByteArrayInputStream(adx.write(List.of(set))))
                .getElementsByTagNameNS(AdxExport.NAMESPACE, "dataValue");
        for (int i = 0; i < values.getLength(); i++) {
            written.add(Long.parseLong(((org.w3c.dom.Element) values.item(i)).getAttribute("value")));
        }
        dhis2.build(set).values().dataValues().forEach(v -> written.add(Long.parseLong(v.value())));

        assertThat(written).allMatch(n -> n == 0 || n >= MIN_CELL);
    }

    /** The set with one published count from 1 to min-cell − 1 (in a denominator where the indicator has one). */
    private static IndicatorSet spoiled(IndicatorSet set, int index, int small, boolean inDenominator) {
        List<IndicatorValue> values = new ArrayList<>(set.values());
        IndicatorValue value = values.get(index);
        values.set(index, inDenominator && value.denominator() != null
                ? new IndicatorValue(value.indicator(), value.disaggregation(), value.numerator(), Cell.of(small))
                : new IndicatorValue(value.indicator(), value.disaggregation(), Cell.of(small), value.denominator()));
        return new IndicatorSet(set.period(), set.orgUnit(), values);
    }

    private static void add(List<Long> written, IntegerType count) {
        if (count.hasValue()) {
            written.add((long) count.getValue());
        }
    }

    @Provide
    Arbitrary<IndicatorSet> sets() {
        Arbitrary<Cell> cell = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Cell.SUPPRESSED)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Cell.of(0))),
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(MIN_CELL, 400).map(Cell::of)));
        List<Disaggregation> cells = new ArrayList<>(Disaggregation.cells());
        cells.add(Disaggregation.TOTAL);
        List<Arbitrary<IndicatorValue>> values = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            for (Disaggregation disaggregation : cells) {
                values.add(net.jqwik.api.Combinators.combine(cell, cell).as((n, d) -> new IndicatorValue(indicator,
                        disaggregation, n, indicator == Indicator.IND_12 ? null : d)));
            }
        }
        return net.jqwik.api.Combinators.combine(values).as(list -> new IndicatorSet(ReportingPeriod.year(
                Year.of(2026)), "KG", list));
    }
}
