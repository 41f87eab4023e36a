package org.ishenim.reform.sentences;

import org.ishenim.reform.RowError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ishenim.reform.Country;
import org.ishenim.reform.TabularFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.ishenim.testing.BothDatabases;

/** Importing sentences into the real database: all-or-nothing, idempotent, CSV and XLSX alike. */
@SpringBootTest(properties = "ishenim.role=hub")
@ActiveProfiles("test")
@BothDatabases
class SentenceImportTest {

    static final String HEADER = SentenceFileCheckTest.HEADER;
    static final Country KG = Country.KYRGYZSTAN;
    static final Country KZ = new Country("KZ");
    static final Country TJ = new Country("TJ");

    @Autowired
    SentenceImport importer;
    @Autowired
    SentenceFigures figures;
    @Autowired
    JdbcClient db;

    static byte[] demoCsv() throws Exception {
        try (InputStream in = SentenceImportTest.class.getResourceAsStream("/reform/demo-sentences.csv")) {
            return in.readAllBytes();
        }
    }

    /** The demo file as a workbook with typed cells: real dates and numbers, as a court clerk's sheet would be. */
    static byte[] demoXlsx() throws Exception {
        TabularFile csv = TabularFile.csv(demoCsv());
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("court data");
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            for (TabularFile.Line line : csv.lines()) {
                Row row = sheet.createRow(line.number() - 1);
                for (int i = 0; i < line.cells().size(); i++) {
                    String v = line.cells().get(i);
                    if (line.number() > 1 && i == 3) {
                        var cell = row.createCell(i);
                        cell.setCellValue(LocalDate.parse(v));
                        cell.setCellStyle(dateStyle);
                    } else if (line.number() > 1 && i == 7) {
                        row.createCell(i).setCellValue(Double.parseDouble(v));
                    } else if (!v.isEmpty()) {
                        row.createCell(i).setCellValue(v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theDemoYearImportsOnceAndOnlyOnce() throws Exception {
        ImportReport first = importer.importFile(KG, "demo-sentences.csv", demoCsv(), false);
        assertThat(first.imported()).isTrue();
        assertThat(first.added()).isEqualTo(111);
        assertThat(first.errors()).isEmpty();

        ImportReport again = importer.importFile(KG, "demo-sentences.csv", demoCsv(), false);
        assertThat(again.added()).isZero();
        assertThat(again.alreadyPresent()).isEqualTo(111);
        assertThat(figures.analyse(KG, null).total().sentences()).isEqualTo(111);

        var a = figures.analyse(KG, 2023);
        assertThat(a.total().notDiagnosed()).isEqualTo(22);
        assertThat(a.total().shareNotDiagnosed()).isBetween(0.19, 0.21);
        assertThat(a.byRegion()).hasSize(9);
    }

    @Test
    void caseReferencesAreNeverStoredInClear() throws Exception {
        importer.importFile(TJ, "demo-sentences.csv", demoCsv(), false);
        long clear = db.sql("""
                SELECT COUNT(*) FROM reform_sentence
                WHERE case_hash LIKE 'SYN%' OR court LIKE '%SYN-2023%' OR outcome LIKE '%SYN-2023%'
                """).query(Long.class).single();
        assertThat(clear).isZero();
        assertThat(db.sql("SELECT case_hash FROM reform_sentence WHERE country = 'TJ'").query(String.class).list())
                .allMatch(h -> h.matches("[0-9a-f]{64}"));
    }

    @Test
    void xlsxAndCsvGiveTheSameResult() throws Exception {
        ImportReport fromXlsx = importer.importFile(KZ, "court.xlsx", demoXlsx(), false);
        assertThat(fromXlsx.errors()).isEmpty();
        assertThat(fromXlsx.added()).isEqualTo(111);
        // the same rows as CSV are recognised as the same sentences
        ImportReport fromCsv = importer.importFile(KZ, "court.csv", demoCsv(), false);
        assertThat(fromCsv.added()).isZero();
        assertThat(fromCsv.alreadyPresent()).isEqualTo(111);
        assertThat(figures.analyse(KZ, null).byRegion())
                .isEqualTo(SentenceFigures.analyse(
                        new SentenceFileCheck(r -> r,
                                new org.ishenim.web.PlausibleDates.Range(LocalDate.of(1990, 1, 1), LocalDate.of(2030, 1, 1)), false).check(TabularFile.csv(demoCsv()))
                                .valid(), null).byRegion());
    }

    @Test
    void aFileWithErrorsImportsNothingUnlessTheAnalystAsksForTheValidRows() {
        String csv = HEADER + "E-1,Court,Talas,2023-02-30,Art. 283,compulsory_treatment,not_diagnosed,12,\n"
                + "E-2,Court,Talas,2023-03-01,Art. 283,forced_labour,not_diagnosed,12,\n"
                + "E-3,=cmd|' /C calc'!A0,Talas,2023-03-01,Art. 283,compulsory_treatment,not_diagnosed,12,\n"
                + "E-4,Court,Talas,2023-03-02,Art. 283,compulsory_treatment,not_diagnosed,12,\n";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        Country am = new Country("AM");

        ImportReport refused = importer.importFile(am, "bad.csv", bytes, false);
        assertThat(refused.imported()).isFalse();
        assertThat(refused.errors()).containsExactly(new RowError(2, "sentence_date", "bad_date"),
                new RowError(3, "measure", "unknown_measure"), new RowError(4, "court", "formula"));
        assertThat(figures.analyse(am, null).total().sentences()).isZero();

        ImportReport partial = importer.importFile(am, "bad.csv", bytes, true);
        assertThat(partial.imported()).isTrue();
        assertThat(partial.added()).isEqualTo(1);
        assertThat(partial.rejectedRows()).isEqualTo(3);
        assertThat(figures.analyse(am, null).total().sentences()).isEqualTo(1);
    }

    @Test
    void aMissingColumnImportsNothingEvenWhenValidRowsAreWanted() {
        String csv = "case_reference,court,region,sentence_date,article,expert_finding,treatment_months\n"
                + "M-1,Court,Talas,2023-03-01,Art. 283,not_diagnosed,12\n";
        Country ge = new Country("GE");
        ImportReport report = importer.importFile(ge, "short.csv", csv.getBytes(StandardCharsets.UTF_8), true);
        assertThat(report.imported()).isFalse();
        assertThat(report.errors()).containsExactly(new RowError(1, "measure", "missing_column"));
        assertThat(figures.analyse(ge, null).total().sentences()).isZero();
    }

    @Test
    void garbageIsReportedAsUnreadable() {
        ImportReport report = importer.importFile(new Country("MD"), "x.xlsx", "PK not a zip".getBytes(), true);
        assertThat(report.imported()).isFalse();
        assertThat(report.errors()).extracting(RowError::reason).containsExactly("unreadable");
    }
}
