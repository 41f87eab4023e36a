package org.ishenim.indicators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ishenim.web.SpreadsheetCells;
import org.springframework.http.MediaType;

/**
 * Tables as one XLSX workbook (Apache POI), a sheet per table. A whole or decimal number is written as a number; any
 * other text (labels, the mark {@code [c]}) as text, through the one formula guard, {@link SpreadsheetCells}; an empty
 * or absent value as no cell.
 */
final class Workbooks {

    static final MediaType XLSX = new MediaType("application",
            "vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A plain decimal number as the tables print it ({@code 12}, {@code 66.7}, {@code 0.164}). */
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

    /** One sheet: its name (at most 31 characters, as Excel allows), the column headings and the rows. */
    record Table(String name, List<String> headers, List<List<String>> rows) {
    }

    private Workbooks() {
    }

    static byte[] xlsx(List<Table> tables) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            CellStyle heading = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            for (Table table : tables) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
                Row header = sheet.createRow(0);
                for (int j = 0; j < table.headers().size(); j++) {
                    var cell = header.createCell(j);
                    cell.setCellValue(SpreadsheetCells.safe(table.headers().get(j)));
                    cell.setCellStyle(heading);
                }
                for (int i = 0; i < table.rows().size(); i++) {
                    Row row = sheet.createRow(i + 1);
                    List<String> values = table.rows().get(i);
                    for (int j = 0; j < values.size(); j++) {
                        String value = values.get(j);
                        if (value == null || value.isEmpty()) {
                            continue;
                        }
                        if (NUMBER.matcher(value).matches()) {
                            row.createCell(j).setCellValue(new BigDecimal(value).doubleValue());
                        } else {
                            row.createCell(j).setCellValue(SpreadsheetCells.safe(value));
                        }
                    }
                }
                sheet.createFreezePane(0, 1);
                for (int j = 0; j < table.headers().size(); j++) {
                    sheet.setColumnWidth(j, 16 * 256);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
