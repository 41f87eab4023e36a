package org.ishenim.indicators;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.ishenim.indicators.ProtectedTable.Shown;
import org.ishenim.indicators.SuppressionDecision.Reason;

/**
 * Disclosure control for a table of counts with its totals.
 * <p>
 * <b>Primary:</b> every entry, totals included, from 1 to {@code minCell - 1} is suppressed; 0 is published.
 * <p>
 * <b>Complementary:</b> with its totals, a table is a set of linear equations in which every entry (cell or total)
 * appears in exactly one row equation and one column equation. Seen as a graph whose nodes are the rows and columns
 * (the totals' row and column included) and whose edges are the suppressed entries, a suppressed entry can be solved
 * exactly from the published entries if and only if it is a <i>bridge</i>: an edge on no cycle (the kernel of an
 * incidence matrix is its cycle space). A row or column with exactly one suppressed entry is the simplest bridge. So
 * while a suppressed entry is a bridge, the cheapest path of published entries that closes a cycle around it is
 * suppressed too: a count costs its value, a zero far more (a suppressed zero protects little), entries already
 * suppressed nothing. The rows and columns with their totals form a complete bipartite graph, which has no bridge,
 * so such a path always exists and the loop ends.
 * <p>
 * <b>Next level up:</b> when the grand total has to be suppressed, or every non-zero cell ends up suppressed, the
 * table is marked {@code needsHigherLevel}: publish it one level up (site, region, country).
 */
final class Suppression {

    /** The cost of suppressing a published zero: above any count a national table holds. */
    static final long ZERO_COST = 1_000_000_000L;

    private Suppression() {
    }

    static ProtectedTable protect(CountTable table, int minCell) {
        return protect(table, minCell, null);
    }

    /**
     * The same, with entries ({@code forced[i][j]}, totals included) that must be suppressed besides: the shared
     * margins that another table published for the same period suppresses (logged as complementary, protecting
     * nothing in this table). Complementary suppression then protects them too.
     */
    static ProtectedTable protect(CountTable table, int minCell, boolean[][] forced) {
        if (minCell < 1) {
            throw new IllegalArgumentException("The smallest published count is at least 1.");
        }
        int rows = table.rowCount() + 1;
        int columns = table.columnCount() + 1;
        long[][] value = new long[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                value[i][j] = table.entry(i, j);
            }
        }
        boolean[][] suppressed = new boolean[rows][columns];
        List<SuppressionDecision> log = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (value[i][j] >= 1 && value[i][j] < minCell) {
                    suppressed[i][j] = true;
                    log.add(decision(table, i, j, Reason.PRIMARY, -1, -1));
                } else if (forced != null && forced[i][j]) {
                    suppressed[i][j] = true;
                    log.add(decision(table, i, j, Reason.COMPLEMENTARY, -1, -1));
                }
            }
        }
        for (int[] bridge = firstBridge(suppressed); bridge != null; bridge = firstBridge(suppressed)) {
            for (int[] entry : cheapestCycle(bridge[0], bridge[1], value, suppressed)) {
                if (!suppressed[entry[0]][entry[1]]) {
                    suppressed[entry[0]][entry[1]] = true;
                    log.add(decision(table, entry[0], entry[1], Reason.COMPLEMENTARY, bridge[0], bridge[1]));
                }
            }
        }
        Shown[][] shown = new Shown[rows][columns];
        boolean anyCellPublished = false;
        boolean anyCellNonZero = false;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                shown[i][j] = suppressed[i][j] ? Shown.SUPPRESSED : Shown.of(value[i][j]);
                if (i < rows - 1 && j < columns - 1 && value[i][j] > 0) {
                    anyCellNonZero = true;
                    anyCellPublished |= !suppressed[i][j];
                }
            }
        }
        boolean higher = suppressed[rows - 1][columns - 1] || (anyCellNonZero && !anyCellPublished);
        return new ProtectedTable(table.rows(), table.columns(), shown, log, higher);
    }

    private static SuppressionDecision decision(CountTable table, int row, int column, Reason reason, int protectsRow,
            int protectsColumn) {
        return new SuppressionDecision(row, column, table.rowLabel(row), table.columnLabel(column), reason,
                protectsRow < 0 ? null : table.rowLabel(protectsRow),
                protectsColumn < 0 ? null : table.columnLabel(protectsColumn));
    }

    /** The first suppressed entry, in row order, that lies on no cycle of suppressed entries; null if none. */
    static int[] firstBridge(boolean[][] suppressed) {
        for (int i = 0; i < suppressed.length; i++) {
            for (int j = 0; j < suppressed[i].length; j++) {
                if (suppressed[i][j] && !connectedWithout(suppressed, i, j)) {
                    return new int[] { i, j };
                }
            }
        }
        return null;
    }

    /** Whether row {@code row} reaches column {@code column} through suppressed entries other than theirs. */
    private static boolean connectedWithout(boolean[][] suppressed, int row, int column) {
        int rows = suppressed.length;
        int columns = suppressed[0].length;
        boolean[] seen = new boolean[rows + columns]; // rows first, then columns
        Deque<Integer> queue = new ArrayDeque<>();
        seen[row] = true;
        queue.add(row);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            if (node < rows) {
                for (int j = 0; j < columns; j++) {
                    if (suppressed[node][j] && !(node == row && j == column) && !seen[rows + j]) {
                        if (j == column) {
                            return true;
                        }
                        seen[rows + j] = true;
                        queue.add(rows + j);
                    }
                }
            } else {
                int j = node - rows;
                for (int i = 0; i < rows; i++) {
                    if (suppressed[i][j] && !(i == row && j == column) && !seen[i]) {
                        seen[i] = true;
                        queue.add(i);
                    }
                }
            }
        }
        return false;
    }

    /**
     * The entries of the cheapest path from row {@code row} to column {@code column} that does not use their own
     * entry (Dijkstra over the complete bipartite graph of rows and columns, totals included).
     */
    private static List<int[]> cheapestCycle(int row, int column, long[][] value, boolean[][] suppressed) {
        int rows = value.length;
        int columns = value[0].length;
        int nodes = rows + columns;
        long[] distance = new long[nodes];
        int[] previous = new int[nodes];
        boolean[] done = new boolean[nodes];
        Arrays.fill(distance, Long.MAX_VALUE);
        Arrays.fill(previous, -1);
        distance[row] = 0;
        int target = rows + column;
        while (true) {
            int node = -1;
            for (int n = 0; n < nodes; n++) {
                if (!done[n] && distance[n] != Long.MAX_VALUE && (node < 0 || distance[n] < distance[node])) {
                    node = n;
                }
            }
            if (node < 0 || node == target) {
                break;
            }
            done[node] = true;
            int from = node < rows ? node : node - rows;
            int firstNeighbour = node < rows ? rows : 0;
            int neighbours = node < rows ? columns : rows;
            for (int k = 0; k < neighbours; k++) {
                int i = node < rows ? from : k;
                int j = node < rows ? k : from;
                if (i == row && j == column) {
                    continue;
                }
                long cost = suppressed[i][j] ? 0 : value[i][j] == 0 ? ZERO_COST : value[i][j];
                int next = firstNeighbour + k;
                if (!done[next] && distance[node] + cost < distance[next]) {
                    distance[next] = distance[node] + cost;
                    previous[next] = node;
                }
            }
        }
        if (previous[target] < 0) {
            throw new IllegalStateException("A table with its totals always has a cycle through every entry.");
        }
        List<int[]> path = new ArrayList<>();
        for (int node = target; node != row; node = previous[node]) {
            int other = previous[node];
            int i = node < rows ? node : other;
            int j = node < rows ? other - rows : node - rows;
            path.add(new int[] { i, j });
        }
        return path;
    }
}
