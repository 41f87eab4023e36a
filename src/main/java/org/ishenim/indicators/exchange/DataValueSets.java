package org.ishenim.indicators.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * DHIS2 data value sets of an {@link IndicatorSet} ({@code POST /api/dataValueSets}, JSON, every identifier a code):
 * the published cells as values to create or update, and the suppressed cells as values to delete, so that a cell
 * published last time and suppressed now does not stay behind in DHIS2. A cell whose data element or option combo
 * the mapping does not name (a denominator the package has no element for; the total, unless mapped) is not sent.
 */
public final class DataValueSets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Dhis2Mapping mapping;
    private final int minCell;

    public DataValueSets(Dhis2Mapping mapping, int minCell) {
        this.mapping = mapping;
        this.minCell = minCell;
    }

    /** One data value; {@code value} is absent in a deletion. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataValue(String dataElement, String period, String orgUnit, String categoryOptionCombo,
            String value) {
    }

    /** A data value set: the data set, period and unit (absent when the values name several), and its values. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataValueSet(String dataSet, String period, String orgUnit, List<DataValue> dataValues) {

        public DataValueSet {
            dataValues = List.copyOf(dataValues);
        }

        public String json() {
            return JSON.writeValueAsString(this);
        }
    }

    /** What to send for one set: the values to create or update, and the cells to delete. */
    public record Payload(DataValueSet values, DataValueSet deletions) {
    }

    /**
     * The payload of several organisation units of one period: their values and deletions in one data value set
     * each, every value naming its own unit (the set names none).
     */
    public Payload build(List<IndicatorSet> indicatorSets) {
        if (indicatorSets.isEmpty()) {
            throw new IllegalArgumentException("No indicator set to send.");
        }
        if (indicatorSets.size() == 1) {
            return build(indicatorSets.get(0));
        }
        List<DataValue> values = new ArrayList<>();
        List<DataValue> deletions = new ArrayList<>();
        String period = null;
        for (IndicatorSet set : indicatorSets) {
            Payload payload = build(set);
            if (period != null && !period.equals(payload.values().period())) {
                throw new IllegalArgumentException("The indicator sets of one import share one period.");
            }
            period = payload.values().period();
            values.addAll(payload.values().dataValues());
            deletions.addAll(payload.deletions().dataValues());
        }
        return new Payload(new DataValueSet(mapping.dataSet(), period, null, values),
                new DataValueSet(mapping.dataSet(), period, null, deletions));
    }

    public Payload build(IndicatorSet set) {
        DisclosureCheck.requireProtected(set, minCell);
        String period = set.period().dhis2Id();
        List<DataValue> values = new ArrayList<>();
        List<DataValue> deletions = new ArrayList<>();
        for (IndicatorValue value : set.values()) {
            Optional<String> combo = mapping.optionCombo(value.disaggregation());
            if (combo.isEmpty()) {
                continue;
            }
            add(value.indicator(), false, value.numerator(), period, set.orgUnit(), combo.get(), values, deletions);
            if (value.denominator() != null) {
                add(value.indicator(), true, value.denominator(), period, set.orgUnit(), combo.get(), values,
                        deletions);
            }
        }
        return new Payload(new DataValueSet(mapping.dataSet(), period, set.orgUnit(), values),
                new DataValueSet(mapping.dataSet(), period, set.orgUnit(), deletions));
    }

    private void add(Indicator indicator, boolean denominator, Cell cell, String period, String orgUnit, String combo,
            List<DataValue> values, List<DataValue> deletions) {
        Optional<String> element = mapping.dataElement(indicator, denominator);
        if (element.isEmpty()) {
            return;
        }
        if (cell.suppressed()) {
            deletions.add(new DataValue(element.get(), period, orgUnit, combo, null));
        } else {
            values.add(new DataValue(element.get(), period, orgUnit, combo, Long.toString(cell.count().getAsLong())));
        }
    }
}
