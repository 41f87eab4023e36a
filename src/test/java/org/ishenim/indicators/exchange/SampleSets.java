package org.ishenim.indicators.exchange;

import static org.ishenim.indicators.exchange.Disaggregation.AgeBand.FROM_25;
import static org.ishenim.indicators.exchange.Disaggregation.AgeBand.UNDER_25;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.ishenim.indicators.exchange.Disaggregation.Sex;

/** Hand-made national sets, already through disclosure control (min-cell 11), for the export tests. */
final class SampleSets {

    static final int MIN_CELL = 11;

    private SampleSets() {
    }

    /**
     * Kyrgyzstan, 2026. IND.11: total 240 / 600; F <25 suppressed (numerator and denominator) and F 25+ suppressed to
     * protect it; OTHER cells are 0 (published). IND.12: person-days, no denominator. IND.13: one suppressed cell
     * pair. IND.14: everything published.
     */
    static IndicatorSet kyrgyzstan2026() {
        List<IndicatorValue> values = new ArrayList<>();
        values.add(value(Indicator.IND_11, Disaggregation.TOTAL, 240, 600L));
        values.add(suppressed(Indicator.IND_11, Disaggregation.of(Sex.F, UNDER_25), true));
        values.add(suppressed(Indicator.IND_11, Disaggregation.of(Sex.F, FROM_25), true));
        values.add(value(Indicator.IND_11, Disaggregation.of(Sex.M, UNDER_25), 45, 120L));
        values.add(value(Indicator.IND_11, Disaggregation.of(Sex.M, FROM_25), 180, 440L));
        values.add(value(Indicator.IND_11, Disaggregation.of(Sex.OTHER, UNDER_25), 0, 0L));
        values.add(value(Indicator.IND_11, Disaggregation.of(Sex.OTHER, FROM_25), 0, 0L));

        values.add(value(Indicator.IND_12, Disaggregation.TOTAL, 80_412, null));
        values.add(value(Indicator.IND_12, Disaggregation.of(Sex.M, FROM_25), 61_020, null));
        values.add(value(Indicator.IND_12, Disaggregation.of(Sex.M, UNDER_25), 14_300, null));
        values.add(new IndicatorValue(Indicator.IND_12, Disaggregation.of(Sex.F, FROM_25), Cell.SUPPRESSED, null));
        values.add(new IndicatorValue(Indicator.IND_12, Disaggregation.of(Sex.F, UNDER_25), Cell.SUPPRESSED, null));

        values.add(value(Indicator.IND_13, Disaggregation.TOTAL, 31, 52L));
        values.add(value(Indicator.IND_13, Disaggregation.of(Sex.M, FROM_25), 20, 33L));
        values.add(new IndicatorValue(Indicator.IND_13, Disaggregation.of(Sex.M, UNDER_25), Cell.SUPPRESSED,
                Cell.of(19)));

        values.add(value(Indicator.IND_14, Disaggregation.TOTAL, 150, 210L));
        values.add(value(Indicator.IND_14, Disaggregation.of(Sex.M, FROM_25), 130, 170L));
        values.add(value(Indicator.IND_14, Disaggregation.of(Sex.M, UNDER_25), 20, 40L));
        return new IndicatorSet(ReportingPeriod.year(Year.of(2026)), "KG", values);
    }

    /** The same set with one published count of 5: disclosure control was skipped. */
    static IndicatorSet withSmallCell() {
        List<IndicatorValue> values = new ArrayList<>(kyrgyzstan2026().values());
        values.removeIf(v -> v.indicator() == Indicator.IND_14 && v.disaggregation().equals(
                Disaggregation.of(Sex.M, UNDER_25)));
        values.add(value(Indicator.IND_14, Disaggregation.of(Sex.M, UNDER_25), 5, 40L));
        return new IndicatorSet(ReportingPeriod.year(Year.of(2026)), "KG", values);
    }

    static IndicatorValue value(Indicator indicator, Disaggregation cell, long numerator, Long denominator) {
        return new IndicatorValue(indicator, cell, Cell.of(numerator), denominator == null ? null : Cell.of(denominator));
    }

    static IndicatorValue suppressed(Indicator indicator, Disaggregation cell, boolean denominatorToo) {
        return new IndicatorValue(indicator, cell, Cell.SUPPRESSED, denominatorToo ? Cell.SUPPRESSED : Cell.of(50));
    }
}
