package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The national page's XLSX and PDF brief (docs/indicators.md, "Exports"), from the two sites of
 * {@link NationalIndicatorsTest} for 2026-03: the workbook holds the CSV's values, one sheet per indicator, with
 * {@code [c]} as text and no count from 1 to 10; the brief prints in English, Russian and Kyrgyz with {@code [c]}
 * and no count from 1 to 10. The formats do not depend on the database (the combination's test runs on both).
 */
@SpringBootTest(properties = "ishenim.role=hub")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NationalExportsTest {

    static final String MARKED = NationalIndicatorsTest.MARKED;
    /** A whole number from 1 to 10 standing alone (not part of a date, a decimal, a percentage or a code). */
    static final Pattern SMALL = Pattern.compile("(?<![\\d.,:/\\-])(?:[1-9]|10)(?![\\d.,%/\\-])");

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts staff;
    @Autowired
    JdbcClient db;
    @Autowired
    HubMonthlyReports reports;

    @BeforeEach
    void sitesAndReports() {
        StaffFixture.onePerRole(staff);
        NationalIndicatorsTest sites = new NationalIndicatorsTest();
        sites.db = db;
        sites.site("chui-a");
        sites.site("osh-b");
        // as in NationalIndicatorsTest (the two may share a context): chui's first version, then its correction
        reports.receive("chui-a", NationalIndicatorsTest.chui(NationalIndicatorsTest.MARCH, 1, 99));
        reports.receive("chui-a", NationalIndicatorsTest.chui(NationalIndicatorsTest.MARCH, 2, 40));
        reports.receive("osh-b", NationalIndicatorsTest.osh(NationalIndicatorsTest.MARCH));
    }

    @Test
    void theWorkbookHasOneSheetPerIndicatorWithTheCsvsValues() throws Exception {
        MvcResult r = download("xlsx", "en");
        assertThat(r.getResponse().getContentType())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.getResponse().getHeader("Content-Disposition")).contains("national-indicators-2026-03.xlsx");
        List<CSVRecord> csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(download("csv", "en").getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .getRecords();

        List<List<String>> fromSheets = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        int markedTextCells = 0;
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                    workbook.getSheetName(3))).containsExactly("HIV.IND.11", "HIV.IND.12", "HIV.IND.13", "HIV.IND.14");
            for (Sheet sheet : workbook) {
                Row header = sheet.getRow(0);
                assertThat(header.getCell(0).getStringCellValue()).isEqualTo("org_unit");
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    Row row = sheet.getRow(i);
                    List<String> values = new ArrayList<>();
                    for (int j = 0; j < 6; j++) {
                        Cell cell = row.getCell(j);
                        if (cell == null || cell.getCellType() == CellType.BLANK) {
                            values.add("");
                        } else if (cell.getCellType() == CellType.NUMERIC) {
                            long n = (long) cell.getNumericCellValue();
                            counts.add(n);
                            values.add(Long.toString(n));
                        } else {
                            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                            markedTextCells += cell.getStringCellValue().equals(MARKED) ? 1 : 0;
                            values.add(cell.getStringCellValue());
                        }
                    }
                    fromSheets.add(values);
                }
            }
        }
        List<List<String>> fromCsv = csv.stream().map(rec -> rec.toList()).toList();
        assertThat(fromSheets).containsExactlyInAnyOrderElementsOf(fromCsv);
        assertThat(markedTextCells).isPositive();
        assertThat(counts).contains(161L, 247L, 70L).noneMatch(NationalIndicatorsTest::small);
        assertThat(audited("report.national.xlsx")).isPositive();
    }

    @Test
    void theBriefPrintsInEnglishRussianAndKyrgyzWithNoSmallCount() throws Exception {
        long before = audited("report.national.pdf");
        String en = pdfText("en");
        assertThat(oneLine(en)).contains("National indicators: 2026-03", "2 clinics reported for 2026-03.", "65.2%",
                "56.7%", "74.2%", "Clients on treatment nationally: 161 (range 161 to 161).",
                "Range: from U + N·(1 − min(1, 2ρ+))", "Reports of 2 clinics were made before N was reported", "HIV.IND.11 Coverage",
                "HIV.IND.12 Person-years", "HIV.IND.13 Retention", "HIV.IND.14 Adequate dose",
                "National (KG) Total 161 247 65.2%", "chui Total 72 127 56.7%", "osh Total 89 120 74.2%",
                "[c]: suppressed to protect small numbers", "Sources: the WHO SMART Guidelines HIV indicators");
        assertThat(tableLines(en, "(KG)")).hasSize(4 * 7 * 3).anyMatch(l -> l.contains(MARKED));
        assertNoSmallCount(tableLines(en, "(KG)"));

        String ru = oneLine(pdfText("ru"));
        assertThat(ru).contains("Национальные индикаторы: 2026-03", "65.2%", "(диапазон от 161 до 161)", MARKED,
                "скрыто для защиты малых чисел", "Источники: индикаторы ВИЧ");
        assertNoSmallCount(tableLines(pdfText("ru"), "(KG)"));

        String ky = pdfText("ky");
        assertThat(oneLine(ky)).contains("Улуттук көрсөткүчтөр: 2026-03", "65.2%", MARKED,
                "кичине сандарды коргоо үчүн жашырылган", "Булактар: ДССУнун", "оңдоолор", "эң акыркы");
        assertNoSmallCount(tableLines(ky, "(KG)"));
        assertThat(audited("report.national.pdf")).isEqualTo(before + 4);
    }

    @Test
    void thePageLinksTheWorkbookAndTheBriefAndSaysDhis2IsNotConfigured() throws Exception {
        String page = mvc.perform(get("/national-indicators?month=2026-03&lang=en").with(user("analyst")
                .roles("ANALYST"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"download-xlsx\"", "format=xlsx", "id=\"download-pdf\"", "format=pdf")
                .contains("id=\"dhis2-not-configured\"").doesNotContain("id=\"dhis2-send\"");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /**
     * The year for a yearly data set: census-date figures (IND.11, IND.14) are December's, IND.12's person-days are
     * June's and December's added up (the two months' reports are the same here, so each is twice December's), and
     * the period is the year; a year without December reports is 409. Years no other test of this hub stores reports
     * in (the trends of PopulationCoverageTest span 2023-07 to 2024-06).
     */
    @Test
    void theYearTakesDecembersCensusAndAddsUpTheMonthsPersonDays() throws Exception {
        for (YearMonth month : List.of(YearMonth.of(2021, 6), YearMonth.of(2021, 12))) {
            reports.receive("chui-a", NationalIndicatorsTest.chui(month, 1, 40));
            reports.receive("osh-b", NationalIndicatorsTest.osh(month));
        }
        Map<String, Long> december = dhis2Values(json("2021-12", "dhis2"), "202112");
        Map<String, Long> year = dhis2Values(json("2021-12", "dhis2-year"), "2021");
        assertThat(year.keySet()).anyMatch(k -> k.startsWith("HIV_OAMT_TIME|"))
                .anyMatch(k -> k.startsWith("HIV_OAMT|KG|"));
        int compared = 0;
        for (var e : year.entrySet()) {
            Long monthly = december.get(e.getKey());
            if (monthly == null) {
                continue; // suppressed in one of the two
            }
            compared++;
            long expected = e.getKey().startsWith("HIV_OAMT_TIME|") ? 2 * monthly : monthly;
            if (!e.getKey().startsWith("HIV_OAMT_RTT|") && !e.getKey().startsWith("HIV_OAMT_STARTING|")) {
                assertThat(e.getValue()).as(e.getKey()).isEqualTo(expected);
            }
        }
        assertThat(compared).isGreaterThan(10);
        assertThat(year.values()).noneMatch(NationalIndicatorsTest::small);
        assertThat(mvc.perform(get("/national-indicators/download?month=2020-05&format=dhis2-year")
                .with(user("analyst").roles("ANALYST"))).andReturn().getResponse().getStatus()).isEqualTo(409);
    }

    tools.jackson.databind.JsonNode json(String month, String format) throws Exception {
        MvcResult r = mvc.perform(get("/national-indicators/download?month=" + month + "&format=" + format)
                .with(user("analyst").roles("ANALYST"))).andReturn();
        assertThat(r.getResponse().getStatus()).as(format).isEqualTo(200);
        return tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(r.getResponse().getContentAsByteArray());
    }

    /** element|orgUnit|combo → value, every value of the period given. */
    static Map<String, Long> dhis2Values(tools.jackson.databind.JsonNode set, String period) {
        assertThat(set.get("period").asString()).isEqualTo(period);
        Map<String, Long> values = new java.util.HashMap<>();
        set.get("dataValues").forEach(v -> values.put(v.get("dataElement").asString() + "|"
                + v.get("orgUnit").asString() + "|" + v.get("categoryOptionCombo").asString(),
                Long.parseLong(v.get("value").asString())));
        return values;
    }

    /** The lines of the brief's tables: those of the nation (its label holds the org unit) and of each region. */
    static List<String> tableLines(String text, String nationalMark) {
        return text.lines().map(String::strip)
                .filter(l -> l.contains(nationalMark) || l.startsWith("chui ") || l.startsWith("osh ")).toList();
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    static void assertNoSmallCount(List<String> lines) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            Matcher m = SMALL.matcher(line.replace("<25", "").replace("25+", ""));
            if (m.find()) {
                found.add(line);
            }
        }
        assertThat(found).as("counts from 1 to 10 in the brief's tables").isEmpty();
    }

    String pdfText(String lang) throws Exception {
        MvcResult r = download("pdf", lang);
        assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
        return pdfText(r.getResponse().getContentAsByteArray());
    }

    /** The text of a PDF, page after page (OpenPDF's extractor). */
    static String pdfText(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        var reader = new PdfReader(pdf);
        try {
            var extractor = new PdfTextExtractor(reader);
            var text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    MvcResult download(String format, String lang) throws Exception {
        MvcResult r = mvc.perform(get("/national-indicators/download?month=2026-03&format=" + format + "&lang=" + lang)
                .with(user("analyst").roles("ANALYST"))).andReturn();
        assertThat(r.getResponse().getStatus()).as(format).isEqualTo(200);
        return r;
    }

    long audited(String action) {
        return db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE action = :action AND actor = 'analyst')
                     + (SELECT COUNT(*) FROM audit_pending WHERE action = :action AND actor = 'analyst')
                """).param("action", action).query(Long.class).single();
    }
}
