package org.ishenim.indicators;

/**
 * One suppression decision: which entry (indexes and labels, totals included), why, and for a complementary one the
 * entry it protects. Never the value.
 */
record SuppressionDecision(int row, int column, String rowLabel, String columnLabel, Reason reason,
        String protectsRow, String protectsColumn) {

    enum Reason {
        /** The count lies in 1 … min-cell − 1. */
        PRIMARY,
        /** Suppressed so that another suppressed entry cannot be solved from the totals. */
        COMPLEMENTARY
    }
}
