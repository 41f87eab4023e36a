package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Enrolment;
import org.ishenim.clients.Purpose;
import org.ishenim.clients.Sex;
import org.ishenim.medicines.Medicine;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.testing.BothDatabases;
import org.ishenim.testing.MutableClock;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The clinic's indicators end to end: clients enrolled with and without the statistics consent, prescribed and dosed
 * through the real services, and the page's and CSV's figures against answers worked out by hand below. The
 * property makes this class's Spring context (and so its database) its own: no other test's clients are counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "ishenim.indicators.max-gap-days=7")
@BothDatabases
class ClinicIndicatorsTest {

    static final String METHADONE = Medicine.METHADONE_ORAL_10MG_ML.name();
    static final String BUPRENORPHINE = Medicine.BUPRENORPHINE_SL_8MG.name();
    static final String QUERY = "?month=2026-04&census=2026-04-30&cohortFrom=2026-01&cohortTo=2026-01";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts staff;
    @Autowired
    ClientRecords clients;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient db;
    Http api;

    @BeforeEach
    void setUp() {
        StaffFixture.onePerRole(staff);
        api = new Http(port);
    }

    /**
     * Four consenting clients and one without the consent, all enrolled on 5 January 2026 (Bishkek, 10:00):
     * <ul>
     * <li>A, male, born 1980: methadone from 5 January, 30 mg, raised by 10 mg every fortnight to 60 mg on
     * 16 February; a dose with 13 take-home days every 14 days, so covered without a gap to 10 May.</li>
     * <li>B, female, born 2003: methadone from 5 January, two fortnightly doses (covered to 1 February), the course
     * ended on 1 February; still an active client.</li>
     * <li>C, male, born 1990: buprenorphine 8 mg from 20 March (a first dose: induction), fortnightly take-homes to
     * 30 April.</li>
     * <li>D, female, born 1985: as A's first month, but without the statistics consent.</li>
     * <li>E, sex X, born 1970: enrolled, never prescribed.</li>
     * </ul>
     */
    void seed() {
        if (clients.count() > 0) {
            return;
        }
        at("2026-01-05");
        receive(METHADONE, "100000");
        receive(BUPRENORPHINE, "10000");
        ClientId a = enrol(Sex.M, 1980, "A", true);
        ClientId b = enrol(Sex.F, 2003, "B", true);
        ClientId c = enrol(Sex.M, 1990, "C", true);
        ClientId d = enrol(Sex.F, 1985, "D", false);
        enrol(Sex.X, 1970, "E", true);
        String pa = prescribe(a, METHADONE, "30");
        String pb = prescribe(b, METHADONE, "30");
        String pd = prescribe(d, METHADONE, "30");
        dose(a, "30");
        dose(b, "30");
        dose(d, "30");
        at("2026-01-19");
        change(pa, "40");
        dose(a, "40");
        dose(b, "30");
        dose(d, "30");
        at("2026-02-01");
        end(pb);
        at("2026-02-02");
        change(pa, "50");
        dose(a, "50");
        at("2026-02-16");
        change(pa, "60");
        dose(a, "60");
        for (String day : List.of("2026-03-02", "2026-03-16", "2026-03-30", "2026-04-13", "2026-04-27")) {
            at(day);
            dose(a, "60");
        }
        at("2026-03-20");
        prescribe(c, BUPRENORPHINE, "8");
        dose(c, "8");
        for (String day : List.of("2026-04-03", "2026-04-17")) {
            at(day);
            dose(c, "8");
        }
        at("2026-05-04");
    }

    @Test
    void thePageAndTheCsvShowTheHandComputedFigures() throws Exception {
        seed();
        String html = page("manager", "MANAGER", "/indicators" + QUERY + "&lang=en");
        assertThat(html).contains("HIV.IND.11").contains("id=\"table-ind13\"");

        var csv = csv("/indicators" + QUERY + "&format=csv&lang=en");
        // IND.11 on 30 April: A and C on treatment; A, B, C and E in contact (D is not counted).
        assertThat(row(csv, "HIV.IND.11", "Total", "All")).containsExactly("2", "4", "50.0");
        assertThat(row(csv, "HIV.IND.11", "Sex", "Female")).containsExactly("0", "1", "0.0");
        assertThat(row(csv, "HIV.IND.11", "Sex", "Male")).containsExactly("2", "2", "100.0");
        assertThat(row(csv, "HIV.IND.11", "Sex", "Other or not recorded")).containsExactly("0", "1", "0.0");
        // ages on 30 April with the birthday taken as 1 July: B is 22; A 45, C 35, E 55
        assertThat(row(csv, "HIV.IND.11", "Age", "Under 25")).containsExactly("0", "1", "0.0");
        assertThat(row(csv, "HIV.IND.11", "Age", "25 and over")).containsExactly("2", "3", "66.7");
        assertThat(row(csv, "HIV.IND.11", "Medicine", "Methadone")).containsExactly("1", "4", "25.0");
        assertThat(row(csv, "HIV.IND.11", "Medicine", "Buprenorphine")).containsExactly("1", "4", "25.0");
        // IND.12 in April: A's 30 days and C's 30 days; B's course ended in February. 60 / 365.25 = 0.164
        assertThat(row(csv, "HIV.IND.12", "Total", "All")).containsExactly("60", "", "0.164");
        assertThat(row(csv, "HIV.IND.12", "Medicine", "Methadone")).containsExactly("30", "", "0.082");
        // IND.13, the January cohort (A and B, from 5 January) as of 30 April: the 3-month point (5 April) is
        // observable, A retained, B not (uncovered from 2 February); 6, 9 and 12 months not yet observable.
        assertThat(row(csv, "HIV.IND.13", "Cohort", "Clients who started treatment")).containsExactly("2", "", "");
        assertThat(row(csv, "HIV.IND.13", "Retained", "At 3 months")).containsExactly("1", "2", "50.0");
        assertThat(row(csv, "HIV.IND.13", "Retained", "At 6 months")).containsExactly("0", "0", "");
        assertThat(row(csv, "HIV.IND.13", "Not yet observable", "At 6 months")).containsExactly("2", "", "");
        // IND.14 on 30 April: A at exactly 60 mg (maintenance) is adequate; C is in induction, left out of both.
        assertThat(row(csv, "HIV.IND.14", "Total", "All")).containsExactly("1", "1", "100.0");
        assertThat(row(csv, "HIV.IND.14", "Medicine", "Buprenorphine")).containsExactly("0", "0", "");
        assertThat(row(csv, "HIV.IND.14", "Left out", "In induction")).containsExactly("1", "", "");
        // consent: A, B, C and E counted, D left out
        assertThat(row(csv, "STATISTICS", "Consent to statistics", "Counted (consent given)")).containsExactly("4", "", "");
        assertThat(row(csv, "STATISTICS", "Consent to statistics", "Left out (no consent)")).containsExactly("1", "", "");
        // the page shows the same lines
        assertThat(html).contains("Left out (no consent)").contains("<td class=\"num\">66.7</td>")
                .contains("<td class=\"num\">0.164</td>");
    }

    @Test
    void theWorkbookHoldsTheCsvsLinesOneSheetPerTableUnsuppressed() throws Exception {
        seed();
        var csv = csv("/indicators" + QUERY + "&format=csv&lang=en");
        MvcResult r = mvc.perform(get("/indicators" + QUERY + "&format=xlsx&lang=en").with(user("manager")
                .roles("MANAGER"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.getResponse().getHeader("Content-Disposition")).contains("indicators-2026-04-2026-04-30.xlsx");
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> sheets = new java.util.ArrayList<>();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            for (var sheet : workbook) {
                sheets.add(sheet.getSheetName());
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Indicator");
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    List<String> values = new java.util.ArrayList<>();
                    for (int j = 0; j < 6; j++) {
                        var cell = sheet.getRow(i).getCell(j);
                        values.add(cell == null ? "" : switch (cell.getCellType()) {
                            case NUMERIC -> number(java.math.BigDecimal.valueOf(cell.getNumericCellValue()).toString());
                            case STRING -> number(cell.getStringCellValue());
                            default -> "";
                        });
                    }
                    rows.add(values);
                }
            }
        }
        assertThat(sheets).containsExactly("HIV.IND.11", "HIV.IND.12", "HIV.IND.13", "HIV.IND.14", "STATISTICS");
        assertThat(rows).containsExactlyElementsOf(csv.stream()
                .map(rec -> rec.toList().stream().map(ClinicIndicatorsTest::number).toList()).toList());
        // the clinic's own figures, unsuppressed: B's and D's single counts are there
        assertThat(rows).contains(List.of("STATISTICS", "Consent to statistics", "Left out (no consent)", "1", "", ""));
    }

    /** A number in one spelling (50.0 and 50 alike); any other text as it is. */
    private static String number(String text) {
        try {
            return new java.math.BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    @Test
    void onlyTheManagerSeesThePageAndEveryViewIsAudited() throws Exception {
        at("2026-05-04");
        long before = reads("manager");
        assertThat(page("manager", "MANAGER", "/indicators?lang=ru")).contains("Национальные индикаторы")
                .contains("value=\"2026-04\"").contains("value=\"2026-04-30\"");
        assertThat(page("manager", "MANAGER", "/indicators?lang=ky")).contains("Улуттук индикаторлор");
        assertThat(status("manager", "MANAGER", "/indicators?format=csv")).isEqualTo(200);
        assertThat(reads("manager")).isEqualTo(before + 3);
        // a census date before ishenim.input.earliest-date is refused naming the field, and nothing is read
        MvcResult implausible = mvc.perform(get("/indicators?census=1999-12-31").with(user("manager").roles("MANAGER")))
                .andReturn();
        assertThat(implausible.getResponse().getStatus()).isEqualTo(400);
        assertThat(implausible.getResponse().getContentAsString()).contains("census");
        assertThat(reads("manager")).isEqualTo(before + 3);
        for (String[] who : new String[][] { { "nurse", "NURSE" }, { "pharmacist", "PHARMACIST" }, { "doctor", "DOCTOR" } }) {
            assertThat(status(who[0], who[1], "/indicators")).isEqualTo(403);
            assertThat(status(who[0], who[1], "/indicators?format=csv")).isEqualTo(403);
            assertThat(reads(who[0])).isZero();
            assertThat(audited(who[0], "denied GET /indicators")).as("refusals are audited").isEqualTo(2);
        }
    }

    /** Audited views of the page by the actor: sealed, or still waiting for the sealer (one statement, one snapshot). */
    private long reads(String actor) {
        return audited(actor, "report.indicators");
    }

    private long audited(String actor, String action) {
        return db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE action = :action AND actor = :a)
                     + (SELECT COUNT(*) FROM audit_pending WHERE action = :action AND actor = :a)
                """).param("a", actor).param("action", action).query(Long.class).single();
    }

    private void at(String day) {
        clock.set(Instant.parse(day + "T04:00:00Z"));
    }

    private ClientId enrol(Sex sex, int birthYear, String alias, boolean statistics) {
        Set<Purpose> consents = statistics ? Set.of(Purpose.TREATMENT, Purpose.STATISTICS) : Set.of(Purpose.TREATMENT);
        return clients.enrol(new Enrolment(sex, birthYear, "Aigul", "Bakyt", "indicators " + alias, null, false,
                consents)).id();
    }

    private void receive(String medicine, String mg) {
        expect(api.post("pharmacist", "/api/v1/stock/receipts", """
                {"site":"main","medicine":"%s","amountMg":"%s","supplier":"Republican pharmacy","batch":"B-1"}
                """.formatted(medicine, mg)), 201);
    }

    private String prescribe(ClientId client, String medicine, String mg) {
        var r = expect(api.post("doctor", "/api/v1/prescriptions", """
                {"clientId":"%s","medicine":"%s","dailyDoseMg":"%s","takeHomeDays":13}
                """.formatted(client.value(), medicine, mg)), 201);
        return r.json().get("prescription").get("id").asString();
    }

    private void change(String prescription, String mg) {
        expect(api.post("doctor", "/api/v1/prescriptions/" + prescription + "/versions", """
                {"dailyDoseMg":"%s","takeHomeDays":13,"reason":"titration"}""".formatted(mg)), 201);
    }

    private void end(String prescription) {
        expect(api.post("doctor", "/api/v1/prescriptions/" + prescription + "/end", """
                {"reason":"left the programme"}"""), 200);
    }

    private void dose(ClientId client, String mg) {
        expect(api.post("nurse", "/api/v1/dispensings", """
                {"clientId":"%s","doseMg":"%s","observed":true,"takeHomeDays":13}""".formatted(client.value(), mg),
                UUID.randomUUID().toString()), 201);
    }

    private static Http.Response expect(Http.Response reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply;
    }

    private String page(String name, String role, String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(user(name).roles(role))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    private int status(String name, String role, String path) throws Exception {
        return mvc.perform(get(path).with(user(name).roles(role))).andReturn().getResponse().getStatus();
    }

    private List<CSVRecord> csv(String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(user("manager").roles("MANAGER"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        assertThat(r.getResponse().getContentType()).startsWith("text/csv");
        String body = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body))
                .getRecords();
    }

    private static List<String> row(List<CSVRecord> csv, String indicator, String dimension, String category) {
        return csv.stream().filter(r -> r.get(0).equals(indicator) && r.get(1).equals(dimension) && r.get(2).equals(category))
                .findFirst().map(r -> List.of(r.get(3), r.get(4), r.get(5)))
                .orElseThrow(() -> new AssertionError("no row " + indicator + " / " + dimension + " / " + category));
    }
}
