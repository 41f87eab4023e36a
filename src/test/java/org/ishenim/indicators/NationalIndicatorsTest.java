package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ishenim.indicators.NationalIndicators.Result;
import org.ishenim.indicators.ProtectedTable.Shown;
import org.ishenim.indicators.exchange.Disaggregation;
import org.ishenim.indicators.exchange.Disaggregation.AgeBand;
import org.ishenim.medicines.Substance;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.BothDatabases;
import org.ishenim.testing.StaffFixture;
import org.ishenim.web.Utc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's national combination, page and downloads, on H2 and PostgreSQL: two sites' stored reports (one of them
 * corrected) added up into national and regional tables, checked against answers worked out by hand below; small
 * cells suppressed on the page and in every download; a region too small to protect rolled up; hub analysts and
 * viewers only.
 * <p>
 * The sites' cells for 2026-03, summed over medicines (columns F&lt;25, F25+, M&lt;25, M25+, O&lt;25, O25+):
 * <pre>
 * IND.11 numerator    chui 15  0 15  40 0  2 = 72    osh 14 25 20 30 0 0 = 89    national 29 25 35  70 0  2 = 161
 * IND.11 denominator  chui 30  0 25  60 0 12 = 127   osh 20 30 25 45 0 0 = 120   national 50 30 50 105 0 12 = 247
 * </pre>
 * The 2s (chui O25+ and the national O25+) are small: suppressed. Each is then the only suppressed entry of its row
 * and column but for the other, so it could be solved from the totals; the cheapest cycle that protects them runs
 * through column F&lt;25 (chui 15 + national 29 = 44, against M&lt;25's 15 + 35 = 50): those two are suppressed too.
 * Coverage: 161 / 247 = 65.2 %; chui 72 / 127 = 56.7 %; osh 89 / 120 = 74.2 %.
 */
@SpringBootTest(properties = "ishenim.role=hub")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@BothDatabases
class NationalIndicatorsTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    static final Disaggregation F_U25 = Disaggregation.of(Disaggregation.Sex.F, AgeBand.UNDER_25);
    static final Disaggregation F_25 = Disaggregation.of(Disaggregation.Sex.F, AgeBand.FROM_25);
    static final Disaggregation M_U25 = Disaggregation.of(Disaggregation.Sex.M, AgeBand.UNDER_25);
    static final Disaggregation M_25 = Disaggregation.of(Disaggregation.Sex.M, AgeBand.FROM_25);
    static final Disaggregation O_U25 = Disaggregation.of(Disaggregation.Sex.OTHER, AgeBand.UNDER_25);
    static final Disaggregation O_25 = Disaggregation.of(Disaggregation.Sex.OTHER, AgeBand.FROM_25);
    static final String MARKED = "[c]";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts staff;
    @Autowired
    JdbcClient db;
    @Autowired
    HubMonthlyReports reports;
    @Autowired
    NationalIndicators national;

    @BeforeEach
    void sitesAndReports() {
        StaffFixture.onePerRole(staff);
        for (String site : List.of("chui-a", "osh-b", "talas-c")) {
            site(site);
        }
        // chui's first version, then its correction: only the latest counts
        reports.receive("chui-a", chui(MARCH, 1, 99));
        reports.receive("chui-a", chui(MARCH, 2, 40));
        reports.receive("osh-b", osh(MARCH));
        reports.receive("chui-a", chui(FEBRUARY, 1, 40));
        reports.receive("osh-b", osh(FEBRUARY));
        reports.receive("talas-c", talas(FEBRUARY));
    }

    @Test
    void twoSitesStoredReportsAreAddedUpAsWorkedByHandAndSmallCellsSuppressed() {
        Result r = national.of(MARCH);
        assertThat(r.sitesReporting()).isEqualTo(2);
        assertThat(r.regional()).isTrue();
        assertThat(r.rows()).containsExactly("chui", "osh");

        ReportMeasure num = ReportMeasure.IND11_NUMERATOR;
        assertThat(row(r, num, null)).containsExactly(MARKED, "25", "35", "70", "0", MARKED, "161");
        assertThat(row(r, num, "chui")).containsExactly(MARKED, "0", "15", "40", "0", MARKED, "72");
        assertThat(row(r, num, "osh")).containsExactly("14", "25", "20", "30", "0", "0", "89");
        assertThat(row(r, ReportMeasure.IND11_DENOMINATOR, null))
                .containsExactly("50", "30", "50", "105", "0", "12", "247");
        assertThat(row(r, ReportMeasure.IND12_DAYS, null))
                .containsExactly("792", "750", "1065", "2140", "0", "62", "4809");
        assertThat(row(r, ReportMeasure.IND13_RETAINED, null)).containsExactly("0", "0", "0", "27", "0", "0", "27");
        assertThat(row(r, ReportMeasure.IND13_OBSERVABLE, null)).containsExactly("0", "0", "0", "42", "0", "0", "42");
        assertThat(row(r, ReportMeasure.IND14_NUMERATOR, "osh")).containsExactly("0", "20", "0", "25", "0", "0", "45");
        assertThat(row(r, ReportMeasure.IND14_DENOMINATOR, null))
                .containsExactly("12", "22", "0", "73", "0", "0", "107");
        // consent: chui left out 4 (small), so its counted is suppressed too, and osh's pair protects them
        assertThat(r.consent(null, "counted").text()).isEqualTo("255");
        assertThat(r.consent(null, "withoutConsent").text()).isEqualTo("34");
        assertThat(r.consent("chui", "withoutConsent").text()).isEqualTo(MARKED);
        assertThat(r.consent("chui", "counted").text()).isEqualTo(MARKED);
        // the range has the terms reported so far only: U
        assertThat(r.coverageRange()).hasValueSatisfying(range -> {
            assertThat(range.point()).isEqualTo(161);
            assertThat(range.low()).isEqualTo(161);
            assertThat(range.high()).isEqualTo(161);
        });
        assertNoSmallCell(r);
    }

    @Test
    void aRegionTooSmallToProtectIsRolledUpAndNothingSmallIsPublished() {
        Result r = national.of(FEBRUARY);
        assertThat(r.sitesReporting()).isEqualTo(3);
        // talas's total (5) is small; "other regions" with talas alone is too; osh (the smaller) joins it
        assertThat(r.rows()).containsExactly("chui", NationalIndicators.OTHER_REGIONS);
        assertThat(r.rolledUp()).containsExactlyInAnyOrder("talas", "osh");
        assertThat(r.entry(ReportMeasure.IND11_NUMERATOR, null, Disaggregation.TOTAL).text()).isEqualTo("166");
        assertThat(r.entry(ReportMeasure.IND11_NUMERATOR, NationalIndicators.OTHER_REGIONS, Disaggregation.TOTAL)
                .text()).isEqualTo("94");
        assertThat(r.indicatorSets()).extracting(s -> s.orgUnit()).containsExactly("KG", "chui");
        assertNoSmallCell(r);
    }

    @Test
    void onlyOneRegionMeansNationalFiguresOnly() {
        YearMonth january = YearMonth.of(2026, 1);
        reports.receive("chui-a", chui(january, 1, 40));
        Result r = national.of(january);
        assertThat(r.regional()).isFalse();
        assertThat(r.indicatorSets()).extracting(s -> s.orgUnit()).containsExactly("KG");
        assertThat(r.entry(ReportMeasure.IND11_NUMERATOR, null, Disaggregation.TOTAL).text()).isEqualTo("72");
        assertNoSmallCell(r);
    }

    @Test
    void aSuppressedNumeratorHasNoRangeAndNoneOfItsTermsOnThePage() throws Exception {
        YearMonth december = YearMonth.of(2025, 12);
        reports.receive("talas-c", talas(december)); // 5 on treatment nationally: suppressed
        assertThat(national.of(december).coverageRange()).isEmpty();
        String en = page("analyst", "ANALYST", "/national-indicators?month=2025-12&lang=en");
        assertThat(en).contains("id=\"national-range-notes\"").contains("Range: from U + N")
                .doesNotContain("id=\"national-range\"").doesNotContain("U = ").doesNotContain("B = ")
                .doesNotContain("N = ");
    }

    @Test
    void thePageShowsTheSuppressedTablesAndChartsInThreeLanguagesAndIsAudited() throws Exception {
        long before = audited("analyst", "report.national");
        String en = page("analyst", "ANALYST", "/national-indicators?month=2026-03&lang=en");
        assertThat(en).contains("National indicators").contains("65.2%").contains("56.7%").contains("74.2%")
                .contains("<svg").contains("Coverage by region").contains("Target 50%").contains(MARKED)
                .contains("National (KG)").contains("chui").contains("osh")
                .contains("Clients on treatment nationally: 161 (range 161 to 161).")
                .contains("U = 161: clients on treatment counted once").contains("N = 0: clients on treatment without")
                .contains("Reports of 2 clinics were made before N was reported")
                .contains("The hub has not counted its clusters since it last started")
                .contains("id=\"national-retention\"").contains("National retention curve")
                .contains("Cohort started in");
        assertThat(numbersInCells(en)).isNotEmpty().noneMatch(NationalIndicatorsTest::small);
        assertThat(page("viewer", "VIEWER", "/national-indicators?month=2026-03&lang=ru"))
                .contains("Национальные индикаторы").contains("Охват по регионам").contains("Цель 50%")
                .contains(MARKED).contains("Кривая удержания по стране").contains("N = 0: клиенты на лечении");
        assertThat(page("viewer", "VIEWER", "/national-indicators?month=2026-03&lang=ky"))
                .contains("Улуттук көрсөткүчтөр").contains("Аймактар боюнча камтуу").contains("Максат 50%")
                .contains(MARKED).contains("Өлкө боюнча кармалуу ийри сызыгы").contains("N = 0: кайталанууну");
        assertThat(audited("analyst", "report.national")).isEqualTo(before + 1);
    }

    @Test
    void everyDownloadCarriesNoCountFromOneToTen() throws Exception {
        String csv = new String(download("csv"), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(3 * 4 * 7);
        List<Long> csvCounts = new ArrayList<>();
        for (CSVRecord rec : records) {
            for (int i = 4; i <= 5; i++) {
                if (!rec.get(i).isEmpty() && !rec.get(i).equals(MARKED)) {
                    csvCounts.add(Long.parseLong(rec.get(i)));
                }
            }
        }
        assertThat(csvCounts).contains(161L, 247L).noneMatch(NationalIndicatorsTest::small);
        assertThat(csv).contains(MARKED);

        JsonNode dhis2 = JsonMapper.builder().build().readTree(download("dhis2"));
        assertThat(dhis2.get("dataSet").stringValue()).isEqualTo("HIV_AGG_PREV_YEARLY");
        assertThat(dhis2.get("period").stringValue()).isEqualTo("202603");
        List<Long> dhis2Counts = new ArrayList<>();
        List<String> units = new ArrayList<>();
        dhis2.get("dataValues").forEach(v -> {
            dhis2Counts.add(Long.parseLong(v.get("value").stringValue()));
            units.add(v.get("orgUnit").stringValue());
        });
        assertThat(units).contains("KG", "chui", "osh");
        assertThat(dhis2Counts).contains(70L, 105L).noneMatch(NationalIndicatorsTest::small);

        String adx = new String(download("adx"), StandardCharsets.UTF_8);
        assertThat(adx).contains("urn:ihe:qrph:adx:2015").contains("orgUnit=\"chui\"");
        assertThat(numbers(adx, "value=\"(\\d+)\"")).contains(70L).noneMatch(NationalIndicatorsTest::small);

        List<String> files = new ArrayList<>();
        StringBuilder fhir = new StringBuilder();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(download("fhir")))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.add(e.getName());
                fhir.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        assertThat(files).hasSize(3 * 4).contains("IND11-KG-202603.json", "IND11-chui-202603.json");
        assertThat(fhir).contains("\"masked\"").contains("MeasureReport");
        assertThat(numbers(fhir.toString(), "\"count\"\\s*:\\s*(\\d+)")).contains(161L)
                .noneMatch(NationalIndicatorsTest::small);
        assertThat(audited("analyst", "report.national.fhir")).isPositive();
    }

    @Test
    void clinicRolesHubAdministratorsAndAnonymousAreRefused() throws Exception {
        for (String role : List.of("ADMIN", "AUDITOR", "MANAGER", "DOCTOR", "NURSE", "PHARMACIST")) {
            String name = role.toLowerCase();
            assertThat(status(name, role, "/national-indicators?month=2026-03")).as(role).isEqualTo(403);
            assertThat(status(name, role, "/national-indicators/download?month=2026-03&format=csv")).as(role)
                    .isEqualTo(403);
        }
        for (String path : List.of("/national-indicators?month=2026-03",
                "/national-indicators/download?month=2026-03&format=dhis2")) {
            MvcResult anonymous = mvc.perform(get(path)).andReturn();
            assertThat(anonymous.getResponse().getStatus()).as(path).isIn(302, 401);
            assertThat(anonymous.getResponse().getContentAsString()).doesNotContain("161");
        }
        assertThat(status("analyst", "ANALYST", "/national-indicators/download?month=2026-03&format=docx"))
                .isEqualTo(400);
    }

    // --- data -------------------------------------------------------------------------------------------------

    static MonthlyContribution chui(YearMonth month, int version, long menOver25) {
        return Contributions.withoutExclusions(month, version, month.atEndOfMonth(), "chui", 130, 4, List.of(
                cell(ReportMeasure.IND11_NUMERATOR, Sex.F, org.ishenim.indicators.AgeBand.UNDER_25, 12),
                new ReportCell(ReportMeasure.IND11_NUMERATOR, Sex.F, org.ishenim.indicators.AgeBand.UNDER_25,
                        Substance.BUPRENORPHINE, 3),
                cell(ReportMeasure.IND11_NUMERATOR, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, menOver25),
                cell(ReportMeasure.IND11_NUMERATOR, Sex.M, org.ishenim.indicators.AgeBand.UNDER_25, 15),
                cell(ReportMeasure.IND11_NUMERATOR, Sex.OTHER, org.ishenim.indicators.AgeBand.FROM_25, 2),
                cell(ReportMeasure.IND11_DENOMINATOR, Sex.F, org.ishenim.indicators.AgeBand.UNDER_25, 30),
                cell(ReportMeasure.IND11_DENOMINATOR, Sex.M, org.ishenim.indicators.AgeBand.UNDER_25, 25),
                cell(ReportMeasure.IND11_DENOMINATOR, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 60),
                cell(ReportMeasure.IND11_DENOMINATOR, Sex.OTHER, org.ishenim.indicators.AgeBand.FROM_25, 12),
                cell(ReportMeasure.IND12_DAYS, Sex.F, org.ishenim.indicators.AgeBand.UNDER_25, 372),
                cell(ReportMeasure.IND12_DAYS, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 1240),
                cell(ReportMeasure.IND12_DAYS, Sex.M, org.ishenim.indicators.AgeBand.UNDER_25, 465),
                cell(ReportMeasure.IND12_DAYS, Sex.OTHER, org.ishenim.indicators.AgeBand.FROM_25, 62),
                cell(ReportMeasure.IND13_RETAINED, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 12),
                cell(ReportMeasure.IND13_OBSERVABLE, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 20),
                cell(ReportMeasure.IND14_NUMERATOR, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 30),
                cell(ReportMeasure.IND14_DENOMINATOR, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 45),
                cell(ReportMeasure.IND14_DENOMINATOR, Sex.F, org.ishenim.indicators.AgeBand.UNDER_25, 12)));
    }

    static MonthlyContribution osh(YearMonth month) {
        return Contributions.withoutExclusions(month, 1, month.atEndOfMonth(), "osh", 125, 30, List.of(
                cell(ReportMeasure.IND11_NUMERATOR, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 30),
                cell(ReportMeasure.IND11_NUMERATOR, Sex.M, org.ishenim.indicators.AgeBand.UNDER_25, 20),
                cell(ReportMeasure.IND11_NUMERATOR, Sex.F, org.ishenim.indicators.AgeBand.FROM_25, 25),
                cell(ReportMeasure.IND11_NUMERATOR, Sex.F, org.ishenim.indicators.AgeBand.UNDER_25, 14),
                cell(ReportMeasure.IND11_DENOMINATOR, Sex.F, org.ishenim.indicators.AgeBand.UNDER_25, 20),
                cell(ReportMeasure.IND11_DENOMINATOR, Sex.F, org.ishenim.indicators.AgeBand.FROM_25, 30),
                cell(ReportMeasure.IND11_DENOMINATOR, Sex.M, org.ishenim.indicators.AgeBand.UNDER_25, 25),
                cell(ReportMeasure.IND11_DENOMINATOR, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 45),
                cell(ReportMeasure.IND12_DAYS, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 900),
                cell(ReportMeasure.IND12_DAYS, Sex.M, org.ishenim.indicators.AgeBand.UNDER_25, 600),
                cell(ReportMeasure.IND12_DAYS, Sex.F, org.ishenim.indicators.AgeBand.FROM_25, 750),
                cell(ReportMeasure.IND12_DAYS, Sex.F, org.ishenim.indicators.AgeBand.UNDER_25, 420),
                cell(ReportMeasure.IND13_RETAINED, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 15),
                cell(ReportMeasure.IND13_OBSERVABLE, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 22),
                cell(ReportMeasure.IND14_NUMERATOR, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 25),
                cell(ReportMeasure.IND14_NUMERATOR, Sex.F, org.ishenim.indicators.AgeBand.FROM_25, 20),
                cell(ReportMeasure.IND14_DENOMINATOR, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 28),
                cell(ReportMeasure.IND14_DENOMINATOR, Sex.F, org.ishenim.indicators.AgeBand.FROM_25, 22)));
    }

    /** A small site: every count below the minimum cell. */
    static MonthlyContribution talas(YearMonth month) {
        return Contributions.withoutExclusions(month, 1, month.atEndOfMonth(), "talas", 8, 1, List.of(
                cell(ReportMeasure.IND11_NUMERATOR, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 5),
                cell(ReportMeasure.IND11_DENOMINATOR, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 7),
                cell(ReportMeasure.IND12_DAYS, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 140),
                cell(ReportMeasure.IND14_NUMERATOR, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 3),
                cell(ReportMeasure.IND14_DENOMINATOR, Sex.M, org.ishenim.indicators.AgeBand.FROM_25, 4)));
    }

    static ReportCell cell(ReportMeasure measure, Sex sex, org.ishenim.indicators.AgeBand age, long count) {
        return new ReportCell(measure, sex, age, measure.byMedicine() ? Substance.METHADONE : null, count);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    void site(String code) {
        db.sql("""
                INSERT INTO hub_site (code, name, token_sha256, created_at, created_by, token_issued_at)
                SELECT :code, 'Clinic', :token, :at, 'test', :at WHERE NOT EXISTS (SELECT 1 FROM hub_site WHERE code = :code)
                """).param("code", code).param("token", UUID.randomUUID().toString().replace("-", ""))
                .param("at", Utc.of(java.time.Instant.parse("2026-01-01T00:00:00Z"))).update();
    }

    /** The six cells then the total of a measure's row (null: the nation), as published. */
    static List<String> row(Result r, ReportMeasure measure, String unit) {
        List<String> shown = new ArrayList<>();
        for (Disaggregation d : List.of(F_U25, F_25, M_U25, M_25, O_U25, O_25, Disaggregation.TOTAL)) {
            shown.add(r.entry(measure, unit, d).text());
        }
        return shown;
    }

    static void assertNoSmallCell(Result r) {
        List<ProtectedTable> tables = new ArrayList<>(r.tables().values());
        tables.add(r.consent());
        for (ProtectedTable t : tables) {
            for (int i = 0; i <= t.rows().size(); i++) {
                for (int j = 0; j <= t.columns().size(); j++) {
                    Shown s = t.entry(i, j);
                    assertThat(s.suppressed() || !small(s.count().getAsLong())).as(i + "," + j).isTrue();
                }
            }
        }
        assertThat(Suppression.firstBridge(suppressed(r.tables().get(ReportMeasure.IND11_NUMERATOR)))).isNull();
    }

    static boolean[][] suppressed(ProtectedTable t) {
        boolean[][] s = new boolean[t.rows().size() + 1][t.columns().size() + 1];
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s[i].length; j++) {
                s[i][j] = t.entry(i, j).suppressed();
            }
        }
        return s;
    }

    static boolean small(long n) {
        return n >= 1 && n <= 10;
    }

    static List<Long> numbersInCells(String html) {
        return numbers(html, "<td class=\"num\">(\\d+)</td>");
    }

    static List<Long> numbers(String text, String regex) {
        List<Long> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    String page(String name, String role, String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(user(name).roles(role))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    byte[] download(String format) throws Exception {
        MvcResult r = mvc.perform(get("/national-indicators/download?month=2026-03&format=" + format)
                .with(user("analyst").roles("ANALYST"))).andReturn();
        assertThat(r.getResponse().getStatus()).as(format).isEqualTo(200);
        return r.getResponse().getContentAsByteArray();
    }

    int status(String name, String role, String path) throws Exception {
        return mvc.perform(get(path).with(user(name).roles(role))).andReturn().getResponse().getStatus();
    }

    long audited(String actor, String action) {
        return db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE action = :action AND actor = :a)
                     + (SELECT COUNT(*) FROM audit_pending WHERE action = :action AND actor = :a)
                """).param("a", actor).param("action", action).query(Long.class).single();
    }
}
