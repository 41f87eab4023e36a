package org.ishenim.indicators.exchange;

import java.util.Objects;
import java.util.Optional;

/**
 * One indicator in one disaggregation: its numerator and, where the indicator has one here, its denominator
 * ({@code null} for IND.12, whose numerator is person-days on OAMT and whose population denominator is not built).
 */
public record IndicatorValue(Indicator indicator, Disaggregation disaggregation, Cell numerator, Cell denominator) {

    public IndicatorValue {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(disaggregation, "disaggregation");
        Objects.requireNonNull(numerator, "numerator");
    }

    public static IndicatorValue of(Indicator indicator, Disaggregation disaggregation, Cell numerator,
            Cell denominator) {
        return new IndicatorValue(indicator, disaggregation, numerator, denominator);
    }

    /** The denominator, if this indicator reports one. */
    public Optional<Cell> optionalDenominator() {
        return Optional.ofNullable(denominator);
    }
}
