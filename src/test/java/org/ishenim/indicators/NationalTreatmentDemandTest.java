package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ishenim.indicators.NationalTreatmentDemand.Result;
import org.ishenim.intake.DemandFigures;
import org.ishenim.testing.BothDatabases;
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

/**
 * The hub's national treatment-demand table, on H2 and PostgreSQL, from two sites' stored reports, checked against
 * tables worked out by hand below.
 * <p>
 * Site A's latest report of 2026 is June's (a corrected version 2; its May report and June version 1 do not count):
 * 27 people (12 first-ever, 15 treated before), 2 left out. Site B's is December's: 25 (10, 15), 3 left out. A third
 * site sent only an older report without the part. By category, first-ever / treated before (not known: none):
 * <pre>
 * primary drug   heroin A 12/12 + B 10/13 = 22/25 (47); methadone misused B 0/2 (2); other opioids A 0/3 (3)
 * sex            male 10/13 + 8/12 = 18/25 (43); female 2/2 + 2/3 = 4/5 (9)
 * route          injecting 12/15 + 6/10 = 18/25 (43); smoking 0 + 4/5 = 4/5 (9)
 * referral       self 9/10 + 10/15 = 19/25 (44); court, probation, police 3/5 (8)
 * ever in OST    no 12/5 + 10/10 = 22/15 (37); yes 0/10 + 0/5 = 0/15 (15)
 * age            30-34: 22/30 (52)
 * total          22/30 (52); left out 2 + 3 = 5
 * </pre>
 * Primary suppression takes the 2s, 3s, 4s, 5s, 8s and 9s. Primary drug: methadone's and other opioids' "treated
 * before" and totals form a cycle (both rows, both columns): nothing more. Referral: court's 3, 5 and 8 are alone in
 * "first-ever" and "total"; the cheapest cycle for "first-ever" runs through self's 25 and 19 (44, against the totals'
 * 30 + 22 = 52), then for "total" through self's 44 (against 22 + 52): all of self and court suppressed. Sex and
 * route go the same way (43 against 52, then 43 against 74). No margin is suppressed, so every table publishes the
 * totals 22, 30, 0, 52. The 5 left out is suppressed (it is published on its own, added to nothing).
 */
@SpringBootTest(properties = "ishenim.role=hub")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@BothDatabases
class NationalTreatmentDemandTest {

    static final String C = "[c]";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient db;
    @Autowired
    HubMonthlyReports reports;
    @Autowired
    NationalTreatmentDemand national;

    static TreatmentDemandPart siteA() {
        return part(27, 2, "primaryDrug:HEROIN:12:12", "primaryDrug:OTHER_OPIOIDS:0:3", "sex:M:10:13", "sex:F:2:2",
                "age:30-34:12:15", "route:INJECT:12:15", "referralSource:SELF:9:10",
                "referralSource:COURT_PROBATION_POLICE:3:5", "everOst:NO:12:5", "everOst:YES:0:10");
    }

    static TreatmentDemandPart siteB() {
        return part(25, 3, "primaryDrug:HEROIN:10:13", "primaryDrug:METHADONE_MISUSED:0:2", "sex:M:8:12",
                "sex:F:2:3", "age:30-34:10:15", "route:INJECT:6:10", "route:SMOKE_OR_INHALE:4:5",
                "referralSource:SELF:10:15", "everOst:NO:10:10", "everOst:YES:0:5");
    }

    /** Forty people, all first-ever, in one category of each disaggregation. */
    static TreatmentDemandPart forty() {
        return part(40, 0, "primaryDrug:HEROIN:40:0", "sex:M:40:0", "age:30-34:40:0", "route:INJECT:40:0",
                "referralSource:SELF:40:0", "everOst:NO:40:0");
    }

    @BeforeEach
    void sitesAndReports() {
        for (String site : List.of("tdi-a", "tdi-b", "tdi-c")) {
            site(site);
        }
        // May: NationalIndicatorsTest, NationalExportsTest and NationalDhis2SendTest, which may share this hub, count
        // the sites of January, February and March 2026
        reports.receive("tdi-a", report(YearMonth.of(2026, 5), 1, forty()));
        reports.receive("tdi-a", report(YearMonth.of(2026, 6), 1, forty()));
        reports.receive("tdi-a", report(YearMonth.of(2026, 6), 2, siteA()));
        reports.receive("tdi-b", report(YearMonth.of(2026, 12), 1, siteB()));
        reports.receive("tdi-b", report(YearMonth.of(2025, 12), 1, part(12, 0, "primaryDrug:HEROIN:12:0",
                "sex:M:12:0", "age:30-34:12:0", "route:INJECT:12:0", "referralSource:SELF:12:0",
                "everOst:NO:12:0")));
        reports.receive("tdi-c", report(YearMonth.of(2026, 9), 1, null));
    }

    @Test
    void theLatestReportOfEachSiteInTheYearIsAddedUpAsWorkedByHandAndSmallCellsSuppressed() {
        Result r = national.of(Year.of(2026));
        assertThat(r.sitesReporting()).isEqualTo(2);
        assertThat(r.counted().text()).isEqualTo("52");
        assertThat(r.withoutConsent().text()).isEqualTo(C);
        assertThat(row(r, "primaryDrug", "HEROIN")).containsExactly("22", "25", "0", "47");
        assertThat(row(r, "primaryDrug", "METHADONE_MISUSED")).containsExactly("0", C, "0", C);
        assertThat(row(r, "primaryDrug", "OTHER_OPIOIDS")).containsExactly("0", C, "0", C);
        assertThat(row(r, "primaryDrug", "COCAINE")).containsExactly("0", "0", "0", "0");
        assertThat(row(r, "referralSource", "SELF")).containsExactly(C, C, "0", C);
        assertThat(row(r, "referralSource", "COURT_PROBATION_POLICE")).containsExactly(C, C, "0", C);
        assertThat(row(r, "sex", "M")).containsExactly(C, C, "0", C);
        assertThat(row(r, "sex", "F")).containsExactly(C, C, "0", C);
        assertThat(row(r, "route", "INJECT")).containsExactly(C, C, "0", C);
        assertThat(row(r, "route", "SMOKE_OR_INHALE")).containsExactly(C, C, "0", C);
        assertThat(row(r, "everOst", "NO")).containsExactly("22", "15", "0", "37");
        assertThat(row(r, "everOst", "YES")).containsExactly("0", "15", "0", "15");
        assertThat(row(r, "age", "30-34")).containsExactly("22", "30", "0", "52");
        for (String dimension : DemandFigures.CATEGORIES.keySet()) {
            assertThat(row(r, dimension, null)).as(dimension).containsExactly("22", "30", "0", "52");
        }
        assertProtected(r);

        Result earlier = national.of(Year.of(2025));
        assertThat(earlier.sitesReporting()).isEqualTo(1);
        assertThat(row(earlier, "primaryDrug", "HEROIN")).containsExactly("12", "0", "0", "12");
        assertThat(earlier.withoutConsent().text()).isEqualTo("0");
        assertThat(national.of(Year.of(2024)).counted().text()).isEqualTo("0");
    }

    @Test
    void thePageAndTheCsvShowThePublishedTableOnlyInThreeLanguages() throws Exception {
        String en = page("/national-indicators?month=2026-12&lang=en");
        assertThat(en).contains("id=\"national-tdi\"", "People entering treatment in 2026",
                "2 clinics reported treatment demand for 2026.",
                "People counted: 52. Left out for lack of the consent to statistics: [c].",
                "Court, probation or police", "format=tdi-csv");
        String table = en.substring(en.indexOf("id=\"national-tdi-primaryDrug\""),
                en.indexOf("</table>", en.indexOf("id=\"national-tdi-primaryDrug\"")));
        assertThat(table).contains(">22<", ">25<", ">47<", ">[c]<");
        assertNoSmallNumberIn(en.substring(en.indexOf("id=\"national-tdi\""),
                en.indexOf("id=\"national-consent\"")));
        assertThat(page("/national-indicators?month=2026-12&lang=ru")).contains("Начали лечение в 2026 году");
        assertThat(page("/national-indicators?month=2026-12&lang=ky")).contains("2026-жылы дарыланууну баштагандар");

        MvcResult csv = mvc.perform(get("/national-indicators/download?month=2026-12&format=tdi-csv")
                .with(user("analyst").roles("ANALYST"))).andReturn();
        assertThat(csv.getResponse().getStatus()).isEqualTo(200);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.getResponse().getContentAsString(StandardCharsets.UTF_8))).getRecords();
        CSVRecord court = records.stream().filter(x -> x.get("category").equals("COURT_PROBATION_POLICE"))
                .findFirst().orElseThrow();
        assertThat(court.get("tdi_category")).isEqualTo("court, probation, police");
        assertThat(court.get("total")).isEqualTo(C);
        CSVRecord heroin = records.stream().filter(x -> x.get("category").equals("HEROIN")).findFirst()
                .orElseThrow();
        assertThat(List.of(heroin.get("tdi_category"), heroin.get("first_ever"), heroin.get("total")))
                .containsExactly("1.1 heroin", "22", "47");
        for (CSVRecord rec : records) {
            for (String column : List.of("first_ever", "treated_before", "not_known", "total")) {
                assertNotSmall(rec.get(column));
            }
        }
    }

    /** No published entry from 1 to 10, and no suppressed entry that the published ones solve. */
    static void assertProtected(Result r) {
        for (NationalTreatmentDemand.Table t : r.tables()) {
            ProtectedTable p = t.counts();
            boolean[][] suppressed = new boolean[p.rows().size() + 1][p.columns().size() + 1];
            for (int i = 0; i <= p.rows().size(); i++) {
                for (int j = 0; j <= p.columns().size(); j++) {
                    suppressed[i][j] = p.entry(i, j).suppressed();
                    assertNotSmall(p.entry(i, j).text());
                }
            }
            assertThat(Suppression.firstBridge(suppressed)).as(t.dimension()).isNull();
        }
        assertNotSmall(r.withoutConsent().text());
    }

    static void assertNotSmall(String text) {
        if (!text.equals(C) && !text.isEmpty()) {
            assertThat(Long.parseLong(text)).as(text).matches(n -> n == 0 || n >= 11);
        }
    }

    static void assertNoSmallNumberIn(String html) {
        var m = java.util.regex.Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(html);
        int cells = 0;
        while (m.find()) {
            assertNotSmall(m.group(1));
            cells++;
        }
        assertThat(cells).isPositive();
    }

    /** The three statuses then the total of a category's row (null: the totals row), as published. */
    static List<String> row(Result r, String dimension, String category) {
        ProtectedTable p = r.tables().stream().filter(t -> t.dimension().equals(dimension)).findFirst()
                .orElseThrow().counts();
        int i = category == null ? p.rows().size() : p.rows().indexOf(category);
        List<String> shown = new ArrayList<>();
        for (int j = 0; j <= p.columns().size(); j++) {
            shown.add(p.entry(i, j).text());
        }
        return shown;
    }

    /** A part from "dimension:category:firstEver:again" lines. */
    static TreatmentDemandPart part(int counted, int withoutConsent, String... lines) {
        List<TreatmentDemandPart.Cell> cells = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(":");
            if (Long.parseLong(f[2]) > 0) {
                cells.add(new TreatmentDemandPart.Cell(f[0], f[1], "FIRST_EVER", Long.parseLong(f[2])));
            }
            if (Long.parseLong(f[3]) > 0) {
                cells.add(new TreatmentDemandPart.Cell(f[0], f[1], "AGAIN", Long.parseLong(f[3])));
            }
        }
        return new TreatmentDemandPart(counted, withoutConsent, cells);
    }

    static MonthlyContribution report(YearMonth month, int version, TreatmentDemandPart tdi) {
        return new MonthlyContribution(month, version, month.atEndOfMonth(), "chui", 0, 0, List.of(),
                CountedElsewhere.Status.UNAVAILABLE, 0, List.of(), false, List.of(), tdi);
    }

    String page(String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(user("analyst").roles("ANALYST"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    void site(String code) {
        db.sql("""
                INSERT INTO hub_site (code, name, token_sha256, created_at, created_by, token_issued_at)
                SELECT :code, 'Clinic', :token, :at, 'test', :at WHERE NOT EXISTS (SELECT 1 FROM hub_site WHERE code = :code)
                """).param("code", code).param("token", UUID.randomUUID().toString().replace("-", ""))
                .param("at", Utc.of(java.time.Instant.parse("2026-01-01T00:00:00Z"))).update();
    }
}
