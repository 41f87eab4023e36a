package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.ishenim.indicators.SuppressionDecision.Reason;

/**
 * Disclosure control over random tables, most of them full of small counts and zeros. Whatever the table, no
 * published entry lies in 1 … min-cell − 1, and no suppressed entry can be solved from the published entries and
 * the totals. The second is checked independently of the code under test: by linear algebra over the table's
 * equations (an entry is determined exactly when its unit vector lies in the row space of the equations restricted
 * to the suppressed entries), and, as the issue asks at least, no row or column with a published total has exactly
 * one suppressed entry.
 */
class SuppressionPropertyTest {

    static final long PRIME = 1_000_000_007L;

    @Property(tries = 400)
    void noSmallCountIsPublished(@ForAll("tables") CountTable table, @ForAll @IntRange(min = 2, max = 15) int minCell) {
        ProtectedTable result = Suppression.protect(table, minCell);
        forEachEntry(table, (i, j) -> {
            ProtectedTable.Shown shown = result.entry(i, j);
            long truth = table.entry(i, j);
            if (truth >= 1 && truth < minCell) {
                assertThat(shown.suppressed()).as("entry %d,%d = %d", i, j, truth).isTrue();
            }
            if (!shown.suppressed()) {
                assertThat(shown.count().getAsLong()).isEqualTo(truth);
                assertThat(truth == 0 || truth >= minCell).isTrue();
            }
        });
    }

    @Property(tries = 400)
    void noSuppressedEntryCanBeSolvedFromThePublishedOnes(@ForAll("tables") CountTable table,
            @ForAll @IntRange(min = 2, max = 15) int minCell) {
        ProtectedTable result = Suppression.protect(table, minCell);
        int rows = table.rowCount() + 1;
        int columns = table.columnCount() + 1;

        // the plain check: a line (row or column, totals' line included) whose total is published never has exactly
        // one suppressed entry among the rest
        for (int i = 0; i < rows; i++) {
            if (!result.entry(i, columns - 1).suppressed()) {
                int row = i;
                assertThat(IntStream.range(0, columns - 1).filter(j -> result.entry(row, j).suppressed()).count())
                        .as("suppressed entries in row %d", i).isNotEqualTo(1);
            }
        }
        for (int j = 0; j < columns; j++) {
            if (!result.entry(rows - 1, j).suppressed()) {
                int column = j;
                assertThat(IntStream.range(0, rows - 1).filter(i -> result.entry(i, column).suppressed()).count())
                        .as("suppressed entries in column %d", j).isNotEqualTo(1);
            }
        }

        // the full check: no suppressed entry is determined by the equations
        List<int[]> unknowns = new ArrayList<>();
        forEachEntry(table, (i, j) -> {
            if (result.entry(i, j).suppressed()) {
                unknowns.add(new int[] { i, j });
            }
        });
        List<long[]> equations = new ArrayList<>();
        for (int i = 0; i < rows; i++) { // row i: its cells minus its total = 0
            long[] equation = new long[unknowns.size()];
            for (int k = 0; k < unknowns.size(); k++) {
                if (unknowns.get(k)[0] == i) {
                    equation[k] = unknowns.get(k)[1] == columns - 1 ? PRIME - 1 : 1;
                }
            }
            equations.add(equation);
        }
        for (int j = 0; j < columns; j++) { // column j: its cells minus its total = 0
            long[] equation = new long[unknowns.size()];
            for (int k = 0; k < unknowns.size(); k++) {
                if (unknowns.get(k)[1] == j) {
                    equation[k] = unknowns.get(k)[0] == rows - 1 ? PRIME - 1 : 1;
                }
            }
            equations.add(equation);
        }
        List<long[]> basis = echelon(equations);
        for (int k = 0; k < unknowns.size(); k++) {
            long[] unit = new long[unknowns.size()];
            unit[k] = 1;
            assertThat(inSpan(basis, unit)).as("entry %d,%d can be solved", unknowns.get(k)[0], unknowns.get(k)[1])
                    .isFalse();
        }
    }

    @Property(tries = 200)
    void everySuppressionIsLoggedOnceWithItsReason(@ForAll("tables") CountTable table) {
        ProtectedTable result = Suppression.protect(table, 11);
        Set<String> logged = new HashSet<>();
        for (SuppressionDecision decision : result.log()) {
            assertThat(logged.add(decision.row() + "," + decision.column())).isTrue();
            long truth = table.entry(decision.row(), decision.column());
            assertThat(decision.reason()).isEqualTo(truth >= 1 && truth < 11 ? Reason.PRIMARY : Reason.COMPLEMENTARY);
            assertThat(result.entry(decision.row(), decision.column()).suppressed()).isTrue();
        }
        forEachEntry(table, (i, j) -> assertThat(logged.contains(i + "," + j))
                .isEqualTo(result.entry(i, j).suppressed()));
    }

    @Provide
    Arbitrary<CountTable> tables() {
        Arbitrary<Integer> cell = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(4, Arbitraries.integers().between(1, 10)),
                Tuple.of(3, Arbitraries.integers().between(11, 200)));
        return Arbitraries.integers().between(1, 8).flatMap(rows -> Arbitraries.integers().between(1, 8)
                .flatMap(columns -> cell.list().ofSize(rows * columns).map(cells -> table(rows, columns, cells))));
    }

    private static CountTable table(int rows, int columns, List<Integer> cells) {
        int[][] counts = new int[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                counts[i][j] = cells.get(i * columns + j);
            }
        }
        return new CountTable(IntStream.range(0, rows).mapToObj(i -> "r" + i).toList(),
                IntStream.range(0, columns).mapToObj(j -> "c" + j).toList(), counts);
    }

    private interface EntryCheck {
        void check(int row, int column);
    }

    private static void forEachEntry(CountTable table, EntryCheck check) {
        for (int i = 0; i <= table.rowCount(); i++) {
            for (int j = 0; j <= table.columnCount(); j++) {
                check.check(i, j);
            }
        }
    }

    /** Gaussian elimination modulo a prime; the equations' matrix is totally unimodular, so the rank is the same. */
    private static List<long[]> echelon(List<long[]> equations) {
        List<long[]> basis = new ArrayList<>();
        for (long[] equation : equations) {
            long[] reduced = reduce(basis, equation.clone());
            int pivot = pivot(reduced);
            if (pivot >= 0) {
                long inverse = power(reduced[pivot], PRIME - 2);
                for (int k = 0; k < reduced.length; k++) {
                    reduced[k] = reduced[k] * inverse % PRIME;
                }
                basis.add(reduced);
            }
        }
        return basis;
    }

    private static boolean inSpan(List<long[]> basis, long[] vector) {
        return pivot(reduce(basis, vector)) < 0;
    }

    /** Repeatedly clears the vector's leading entry against a basis row with that pivot. */
    private static long[] reduce(List<long[]> basis, long[] vector) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (long[] row : basis) {
                int p = pivot(row);
                if (vector[p] != 0) {
                    long factor = vector[p];
                    for (int k = 0; k < vector.length; k++) {
                        vector[k] = Math.floorMod(vector[k] - factor * row[k] % PRIME, PRIME);
                    }
                    changed = true;
                }
            }
        }
        return vector;
    }

    private static int pivot(long[] vector) {
        for (int k = 0; k < vector.length; k++) {
            if (vector[k] != 0) {
                return k;
            }
        }
        return -1;
    }

    private static long power(long base, long exponent) {
        long result = 1;
        long b = base % PRIME;
        for (long e = exponent; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result = result * b % PRIME;
            }
            b = b * b % PRIME;
        }
        return result;
    }
}
