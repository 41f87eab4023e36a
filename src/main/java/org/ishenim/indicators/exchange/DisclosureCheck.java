package org.ishenim.indicators.exchange;

/**
 * The last gate before a file or a request leaves the hub: every exporter calls {@link #requireProtected} on what it
 * is handed, before it writes anything. A published count from 1 to {@code minCell - 1} is refused with
 * {@link UnprotectedCellException}; 0 and suppressed cells pass.
 */
public final class DisclosureCheck {

    private DisclosureCheck() {
    }

    public static void requireProtected(IndicatorSet set, int minCell) {
        if (minCell < 1) {
            throw new IllegalArgumentException("The smallest published count is at least 1.");
        }
        for (IndicatorValue value : set.values()) {
            check(value, "numerator", value.numerator(), minCell);
            if (value.denominator() != null) {
                check(value, "denominator", value.denominator(), minCell);
            }
        }
    }

    private static void check(IndicatorValue value, String part, Cell cell, int minCell) {
        if (cell.count().isPresent()) {
            long count = cell.count().getAsLong();
            if (count >= 1 && count < minCell) {
                throw new UnprotectedCellException("Refused to export " + value.indicator().code() + " " + part + " ("
                        + value.disaggregation().label() + "): a count below the smallest published cell ("
                        + minCell + ") was not suppressed.");
            }
        }
    }
}
