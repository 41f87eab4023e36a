package org.ishenim.reform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.ishenim.web.SpreadsheetCells;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A CSV or XLSX file read as lines of text cells, so that both formats go through the same validation. Line 1 is
 * the header. Dates in XLSX cells become ISO dates, whole numbers lose their ".0", and a spreadsheet formula is
 * kept as {@code =formula} so that validation rejects it.
 */
public record TabularFile(List<Line> lines) {

    /** One line of the file: its 1-based number and its cells. */
    public record Line(int number, List<String> cells) {
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    /** Thrown when the bytes are not a readable CSV or XLSX file. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static TabularFile read(String fileName, byte[] content) throws Unreadable {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
        return name.endsWith(".xlsx") || zip ? xlsx(content) : csv(content);
    }

    public static TabularFile csv(byte[] content) throws Unreadable {
        int offset = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        String head = new String(content, offset, Math.min(content.length - offset, 2000), StandardCharsets.UTF_8);
        String firstLine = head.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        List<Line> lines = new ArrayList<>();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, offset, content.length - offset),
                StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(reader, format)) {
            int number = 1;
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>();
                record.forEach(cells::add);
                lines.add(new Line(number, cells));
                number = (int) parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("not a readable CSV file", e);
        }
        return new TabularFile(lines.stream().filter(l -> l.number() == 1 || !l.blank()).toList());
    }

    public static TabularFile xlsx(byte[] content) throws Unreadable {
        List<Line> lines = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    cells.add(text(row.getCell(i)));
                }
                var line = new Line(row.getRowNum() + 1, cells);
                if (line.number() == 1 || !line.blank()) {
                    lines.add(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("not a readable XLSX file", e);
        }
        return new TabularFile(lines);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        return switch (type) {
            case FORMULA -> "=" + cell.getCellFormula();
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                double v = cell.getNumericCellValue();
                yield v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            }
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case STRING -> cell.getStringCellValue();
            default -> "";
        };
    }

    /** Whether a cell could run as a formula in a spreadsheet: the one rule, {@link SpreadsheetCells}. */
    public static boolean looksLikeFormula(String value) {
        return SpreadsheetCells.looksLikeFormula(value);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
