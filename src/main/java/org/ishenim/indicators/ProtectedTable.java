package org.ishenim.indicators;

import java.util.List;
import java.util.OptionalLong;

/**
 * A table after disclosure control, totals included (as in {@link CountTable}): each entry is published or
 * suppressed, with the log of every suppression decision. A suppressed entry carries no value, and does not say
 * whether it was suppressed for being small or to protect another.
 */
record ProtectedTable(List<String> rows, List<String> columns, Shown[][] entries, List<SuppressionDecision> log,
        boolean needsHigherLevel) {

    /** How a suppressed entry is shown in files and pages ("confidential", as the ONS marks it). */
    static final String MARK = "[c]";

    ProtectedTable {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        log = List.copyOf(log);
        Shown[][] copy = new Shown[entries.length][];
        for (int i = 0; i < entries.length; i++) {
            copy[i] = entries[i].clone();
        }
        entries = copy;
    }

    Shown entry(int row, int column) {
        return entries[row][column];
    }

    /** An entry as it leaves the hub: its count, or nothing when suppressed. */
    record Shown(OptionalLong count) {

        static final Shown SUPPRESSED = new Shown(OptionalLong.empty());

        static Shown of(long count) {
            return new Shown(OptionalLong.of(count));
        }

        boolean suppressed() {
            return count.isEmpty();
        }

        String text() {
            return suppressed() ? MARK : Long.toString(count.getAsLong());
        }
    }
}
