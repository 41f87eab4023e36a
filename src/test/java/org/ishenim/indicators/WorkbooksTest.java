package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The workbook writer: numbers as numbers, {@code [c]} and labels as text, and a text that a spreadsheet could run
 * as a formula written with an apostrophe in front, as {@code web.SpreadsheetCells} does for CSV.
 */
class WorkbooksTest {

    @Test
    void numbersAreNumbersTheMarkIsTextAndFormulasAreNeutralised() throws Exception {
        byte[] xlsx = Workbooks.xlsx(List.of(new Workbooks.Table("HIV.IND.11", List.of("unit", "=cmd|' /C calc'!A0"),
                List.of(List.of("=HYPERLINK(\"http://x\",\"y\")", "161"), List.of("@SUM(A1)", "[c]"),
                        List.of("  +1", "66.7"), List.of("chui", "")))));

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("HIV.IND.11");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(161);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'@SUM(A1)");
            assertThat(sheet.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("[c]");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("'  +1");
            assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(66.7);
            assertThat(sheet.getRow(4).getCell(1)).as("an empty value is no cell").isNull();
            for (Row row : sheet) {
                row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
            }
        }
    }

    @Test
    void aSheetNameExcelWouldRefuseIsMadeSafe() throws Exception {
        byte[] xlsx = Workbooks.xlsx(List.of(new Workbooks.Table("a/b:c*d?[e]", List.of("x"), List.of())));

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetName(0)).doesNotContain("/", ":", "*", "?",
                    "[", "]");
        }
    }
}
