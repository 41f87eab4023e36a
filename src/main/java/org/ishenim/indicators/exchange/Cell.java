package org.ishenim.indicators.exchange;

import java.util.OptionalLong;

/**
 * A numerator or denominator as it leaves the hub: a count, or suppressed. A suppressed cell carries no value (as
 * {@code indicators.ProtectedTable.Shown}): nothing downstream can print what it does not hold.
 */
public record Cell(OptionalLong count) {

    /** A suppressed cell: its value is not published, and whether it was small or protects another is not said. */
    public static final Cell SUPPRESSED = new Cell(OptionalLong.empty());

    public Cell {
        java.util.Objects.requireNonNull(count, "count");
        if (count.isPresent() && count.getAsLong() < 0) {
            throw new IllegalArgumentException("A count cannot be negative.");
        }
    }

    public static Cell of(long count) {
        return new Cell(OptionalLong.of(count));
    }

    public boolean suppressed() {
        return count.isEmpty();
    }
}
