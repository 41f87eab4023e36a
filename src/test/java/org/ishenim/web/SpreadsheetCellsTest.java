package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ishenim.stock.ReportFormats;
import org.junit.jupiter.api.Test;

/** One formula guard for every export: ASCII, full-width and small signs, tab, CR and LF, behind spaces too. */
class SpreadsheetCellsTest {

    @Test
    void everySignThatCanStartAFormulaGetsAnApostrophe() {
        for (String cell : List.of("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "＝1+1", "＋1", "－1+1",
                "＠SUM(A1)", "﹦1+1", "﹢1", "﹣1", "﹫x", "−1+1", " =1+1", "\u3000＝1+1", "-", "=", "-12", "-12.5", "-１２")) {
            assertThat(SpreadsheetCells.looksLikeFormula(cell)).as(cell).isTrue();
            assertThat(SpreadsheetCells.safe(cell)).isEqualTo("'" + cell);
        }
    }

    @Test
    void plainTextAndUnsignedNumbersStayAsTheyAre() {
        for (String cell : List.of("Aibek", "Бишкек", "12", "0.25", "1e5", "a=b", "")) {
            assertThat(SpreadsheetCells.looksLikeFormula(cell)).as(cell).isFalse();
            assertThat(SpreadsheetCells.safe(cell)).isEqualTo(cell);
        }
        assertThat(SpreadsheetCells.safe(null)).isEmpty();
    }

    @Test
    void theStockAndOatReportsUseTheGuardOnEveryCell() {
        String csv = ReportFormats.csv(List.of("a", "b", "c", "d"), List.of(List.of("＝1+1", "\t=1", "-30", "@x")));
        assertThat(csv).contains("'＝1+1").contains("'\t=1").contains(",'-30,").contains("'@x");
    }
}
