package org.ishenim.indicators.exchange;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The indicators of one organisation unit (the country, or a region) for one period, as the hub publishes them:
 * every cell already through disclosure control. {@code orgUnit} is the unit's code in the receiving systems (the
 * DHIS2 organisation unit code; the ADX group's orgUnit; the FHIR reporter's identifier).
 */
public record IndicatorSet(ReportingPeriod period, String orgUnit, List<IndicatorValue> values) {

    public IndicatorSet {
        Objects.requireNonNull(period, "period");
        if (orgUnit == null || orgUnit.isBlank()) {
            throw new IllegalArgumentException("An indicator set names its organisation unit.");
        }
        values = List.copyOf(values);
        Set<String> seen = new HashSet<>();
        for (IndicatorValue value : values) {
            if (!seen.add(value.indicator() + " " + value.disaggregation().label())) {
                throw new IllegalArgumentException(
                        "Two values for " + value.indicator().code() + " " + value.disaggregation().label() + ".");
            }
        }
    }

    /** This set's values of one indicator, in the order given. */
    public List<IndicatorValue> of(Indicator indicator) {
        return values.stream().filter(v -> v.indicator() == indicator).toList();
    }
}
