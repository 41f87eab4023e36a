package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ishenim.indicators.SuppressionDecision.Reason;
import org.junit.jupiter.api.Test;

/** Disclosure control on small tables whose answers are worked out by hand. */
class SuppressionTest {

    @Test
    void aSmallCellIsSuppressedWithTheCheapestRectangleThatHidesIt() {
        //        x   y   z | total
        // A     20   3  15 |  38
        // B     12  25  30 |  67
        // C     14  18  22 |  54
        // total 46  46  67 | 159
        // (A,y) = 3 is primary. The cheapest cycle through it: A-x (20), x-C (14), C-y (18) = 52, against
        // A-x, x-B, B-y = 57 and A-z, z-C, C-y = 55.
        CountTable table = new CountTable(List.of("A", "B", "C"), List.of("x", "y", "z"),
                new int[][] { { 20, 3, 15 }, { 12, 25, 30 }, { 14, 18, 22 } });

        ProtectedTable protectedTable = Suppression.protect(table, 11);

        assertThat(suppressedEntries(protectedTable)).containsExactly("A/x", "A/y", "C/x", "C/y");
        assertThat(protectedTable.entry(0, 1).text()).isEqualTo(ProtectedTable.MARK);
        assertThat(protectedTable.entry(0, 3).text()).isEqualTo("38");
        assertThat(protectedTable.entry(3, 3).text()).isEqualTo("159");
        assertThat(protectedTable.log()).extracting(SuppressionDecision::reason)
                .containsExactly(Reason.PRIMARY, Reason.COMPLEMENTARY, Reason.COMPLEMENTARY, Reason.COMPLEMENTARY);
        assertThat(protectedTable.log().get(1).protectsRow()).isEqualTo("A");
        assertThat(protectedTable.log().get(1).protectsColumn()).isEqualTo("y");
        assertThat(protectedTable.needsHigherLevel()).isFalse();
    }

    @Test
    void zerosArePublishedAndASmallTotalIsSuppressedLikeACell() {
        //        x   y | total
        // A     30   0 |  30
        // B      0   4 |   4
        // total 30   4 |  34
        // (B,y) = 4, B's total 4 and y's total 4 are primary; together they make the cycle B-y, y-total row,
        // total row-total column, total column-B, so the grand total 34 has to go too: publish one level up.
        CountTable table = new CountTable(List.of("A", "B"), List.of("x", "y"), new int[][] { { 30, 0 }, { 0, 4 } });

        ProtectedTable protectedTable = Suppression.protect(table, 11);

        assertThat(protectedTable.entry(0, 1).text()).isEqualTo("0");
        assertThat(protectedTable.entry(1, 0).text()).isEqualTo("0");
        assertThat(suppressedEntries(protectedTable)).contains("B/y", "B/total", "total/y");
        assertThat(protectedTable.needsHigherLevel()).isTrue();
    }

    @Test
    void aSuppressedCellJoiningTwoHiddenBlocksIsProtectedThoughNoLineHasASingleSuppression() {
        //        c0  c1  c2  c3 | total
        // r0      5   5  50  50 | 110
        // r1      5   5   5  50 |  65
        // r2     50  50   5   5 | 110
        // r3     50  50   5   5 | 110
        // Every line has 0 or at least 2 small cells, yet (r1,c2) is solvable: the hidden parts of columns c0 and c1
        // less that of row r0 give (r1,c0) + (r1,c1) = 10 + 10 − 10 = 10, and row r1 then gives (r1,c2) = 15 − 10 = 5.
        // It is a bridge
        // between the two hidden blocks; one more entry must go to close a cycle through it.
        CountTable table = new CountTable(List.of("r0", "r1", "r2", "r3"), List.of("c0", "c1", "c2", "c3"),
                new int[][] { { 5, 5, 50, 50 }, { 5, 5, 5, 50 }, { 50, 50, 5, 5 }, { 50, 50, 5, 5 } });

        ProtectedTable protectedTable = Suppression.protect(table, 11);

        assertThat(protectedTable.log()).filteredOn(d -> d.reason() == Reason.COMPLEMENTARY)
                .hasSize(1)
                .allSatisfy(d -> {
                    assertThat(d.protectsRow()).isEqualTo("r1");
                    assertThat(d.protectsColumn()).isEqualTo("c2");
                });
        boolean[][] pattern = new boolean[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                pattern[i][j] = protectedTable.entry(i, j).suppressed();
            }
        }
        assertThat(Suppression.firstBridge(pattern)).isNull();
        assertThat(protectedTable.needsHigherLevel()).isFalse();
    }

    @Test
    void aTableWithNothingSmallIsPublishedWhole() {
        CountTable table = new CountTable(List.of("F", "M"), List.of("<25", "25+"),
                new int[][] { { 11, 40 }, { 0, 120 } });

        ProtectedTable protectedTable = Suppression.protect(table, 11);

        assertThat(suppressedEntries(protectedTable)).isEmpty();
        assertThat(protectedTable.log()).isEmpty();
        assertThat(protectedTable.entry(2, 2).text()).isEqualTo("171");
    }

    static List<String> suppressedEntries(ProtectedTable table) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i <= table.rows().size(); i++) {
            for (int j = 0; j <= table.columns().size(); j++) {
                if (table.entry(i, j).suppressed()) {
                    entries.add(label(table.rows(), i) + "/" + label(table.columns(), j));
                }
            }
        }
        return entries;
    }

    private static String label(List<String> labels, int index) {
        return index == labels.size() ? CountTable.TOTAL : labels.get(index);
    }
}
