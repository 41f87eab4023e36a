package org.ishenim.indicators;

import java.util.List;

/**
 * A two-way table of counts before disclosure control, with its row totals, column totals and grand total. Entries
 * are addressed with the totals included: row {@code rows().size()} is the column totals and column
 * {@code columns().size()} the row totals.
 */
record CountTable(List<String> rows, List<String> columns, int[][] counts) {

    static final String TOTAL = "total";

    CountTable {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        if (rows.isEmpty() || columns.isEmpty() || counts.length != rows.size()) {
            throw new IllegalArgumentException("A table has at least one row and one column, and a count for each.");
        }
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != columns.size()) {
                throw new IllegalArgumentException("Every row has a count for each column.");
            }
            for (int count : counts[i]) {
                if (count < 0) {
                    throw new IllegalArgumentException("Counts cannot be negative.");
                }
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    int rowCount() {
        return rows.size();
    }

    int columnCount() {
        return columns.size();
    }

    /** The entry at {@code (row, column)}, totals included. */
    long entry(int row, int column) {
        boolean totalRow = row == rowCount();
        boolean totalColumn = column == columnCount();
        long sum = 0;
        for (int i = 0; i < rowCount(); i++) {
            for (int j = 0; j < columnCount(); j++) {
                if ((totalRow || i == row) && (totalColumn || j == column)) {
                    sum += counts[i][j];
                }
            }
        }
        return sum;
    }

    String rowLabel(int row) {
        return row == rowCount() ? TOTAL : rows.get(row);
    }

    String columnLabel(int column) {
        return column == columnCount() ? TOTAL : columns.get(column);
    }
}
