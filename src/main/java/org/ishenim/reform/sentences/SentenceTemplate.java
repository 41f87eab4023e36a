package org.ishenim.reform.sentences;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ishenim.reform.TabularFile;

/** The import template's columns, and the template itself as CSV (shipped) and XLSX (generated from it). */
final class SentenceTemplate {

    public static final String CASE_REFERENCE = "case_reference";
    public static final String COURT = "court";
    public static final String REGION = "region";
    public static final String SENTENCE_DATE = "sentence_date";
    public static final String ARTICLE = "article";
    public static final String MEASURE = "measure";
    public static final String EXPERT_FINDING = "expert_finding";
    public static final String TREATMENT_MONTHS = "treatment_months";
    public static final String OUTCOME = "outcome";

    /** All columns, in template order. All are required except {@code outcome}. */
    public static final List<String> COLUMNS = List.of(CASE_REFERENCE, COURT, REGION, SENTENCE_DATE, ARTICLE, MEASURE,
            EXPERT_FINDING, TREATMENT_MONTHS, OUTCOME);

    static final String CSV_RESOURCE = "/reform/sentences-template.csv";

    private SentenceTemplate() {
    }

    public static byte[] csv() {
        try (InputStream in = SentenceTemplate.class.getResourceAsStream(CSV_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same template as a workbook: text cells only, so no spreadsheet guesses at dates or numbers. */
    public static byte[] xlsx() {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("sentences");
            for (TabularFile.Line line : TabularFile.csv(csv()).lines()) {
                Row row = sheet.createRow(line.number() - 1);
                for (int i = 0; i < line.cells().size(); i++) {
                    row.createCell(i).setCellValue(line.cells().get(i));
                }
            }
            for (int i = 0; i < COLUMNS.size(); i++) {
                sheet.setColumnWidth(i, 24 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TabularFile.Unreadable e) {
            throw new IllegalStateException(e);
        }
    }
}
