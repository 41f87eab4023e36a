package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.BothDatabases;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's receipt of monthly reports over HTTP, on H2 and PostgreSQL: one report per site and month, a resent
 * version stored once, a higher version replacing the stored one (never adding to it), a lower one refused with a
 * problem, strict validation with nothing stored on a refusal, site tokens only, and every receipt audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ishenim.role=hub")
@ActiveProfiles("test")
@BothDatabases
class MonthlyReportReceiptTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ADMIN_PASSWORD = "hubadmin-password-1";
    static int run;

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;
    @Autowired
    JdbcClient db;
    String site;
    String token;
    String otherToken;

    @BeforeEach
    void sites() throws Exception {
        if (!staff.exists("reportsadmin")) {
            staff.create("reportsadmin", Roles.ADMIN, ADMIN_PASSWORD, true);
        }
        run++;
        site = "clinic-" + run;
        token = register(site);
        otherToken = register("other-" + run);
    }

    static String report(int version, long numerator) {
        return """
                {"version":%d,"census":"2026-03-31","region":"chui","counted":40,"withoutConsent":3,"cells":[
                 {"indicator":"IND11","measure":"NUMERATOR","sex":"F","age":"UNDER_25","medicine":"METHADONE","count":%d},
                 {"indicator":"IND11","measure":"DENOMINATOR","sex":"F","age":"UNDER_25","count":20},
                 {"indicator":"IND12","measure":"DAYS","sex":"M","age":"FROM_25","medicine":"BUPRENORPHINE","count":310},
                 {"indicator":"IND13","measure":"COHORT","sex":"M","age":"FROM_25","medicine":"METHADONE","count":4},
                 {"indicator":"IND14","measure":"DENOMINATOR","sex":"OTHER","age":"FROM_25","medicine":"METHADONE","count":0}],
                 "exclusions":"APPLIED","countedElsewhere":12,"bounds":[
                 {"indicator":"IND11","measure":"NUMERATOR","count":9},{"indicator":"IND12","measure":"DAYS","count":270},
                 {"indicator":"IND13","measure":"RETAINED","count":1},{"indicator":"IND14","measure":"NUMERATOR","count":%d}],
                 "boundsBelowMinCell":false}
                """.formatted(version, numerator, version + 4);
    }

    @Test
    void aResentReportIsStoredOnceAHigherVersionReplacesItAndALowerOneIsRefused() throws Exception {
        var first = put(token, "2026-03", report(1, 12));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("receipt").stringValue()).isEqualTo("STORED");
        assertThat(put(token, "2026-03", report(1, 12)).body()).contains("\"receipt\":\"UNCHANGED\"");
        assertThat(stored()).containsExactly("2026-03 v1 " + 5 + " cells, IND11 NUMERATOR F UNDER_25 = 12");
        assertThat(countedElsewhere()).containsExactly("APPLIED 12 false: IND11/NUMERATOR=9 IND12/DAYS=270 "
                + "IND13/RETAINED=1 IND14/NUMERATOR=5");

        var corrected = put(token, "2026-03", report(2, 14));
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(corrected.body()).contains("\"receipt\":\"REPLACED\"").contains("\"version\":2");
        assertThat(stored()).as("replaced, never added").containsExactly(
                "2026-03 v2 " + 5 + " cells, IND11 NUMERATOR F UNDER_25 = 14");
        assertThat(countedElsewhere()).as("the bounds replaced too").containsExactly("APPLIED 12 false: "
                + "IND11/NUMERATOR=9 IND12/DAYS=270 IND13/RETAINED=1 IND14/NUMERATOR=6");

        var lower = put(token, "2026-03", report(1, 12));
        assertThat(lower.statusCode()).isEqualTo(409);
        assertThat(lower.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(lower.body()).contains("urn:ishenim:problem:report-superseded").contains("\"storedVersion\":2");
        var changedUnderSameVersion = put(token, "2026-03", report(2, 15));
        assertThat(changedUnderSameVersion.statusCode()).isEqualTo(409);
        assertThat(changedUnderSameVersion.body()).contains("urn:ishenim:problem:report-version-conflict");
        assertThat(stored()).containsExactly("2026-03 v2 " + 5 + " cells, IND11 NUMERATOR F UNDER_25 = 14");

        // another site's report of the same month is its own
        assertThat(put(otherToken, "2026-03", report(1, 3)).statusCode()).isEqualTo(200);
        assertThat(stored()).containsExactly("2026-03 v2 " + 5 + " cells, IND11 NUMERATOR F UNDER_25 = 14");

        assertThat(audited("report.monthly.receive", site + " 2026-03 v1 STORED", "SUCCESS")).isEqualTo(1);
        assertThat(audited("report.monthly.receive", site + " 2026-03 v1 UNCHANGED", "SUCCESS")).isEqualTo(1);
        assertThat(audited("report.monthly.receive", site + " 2026-03 v2 REPLACED", "SUCCESS")).isEqualTo(1);
        assertThat(audited("report.monthly.receive", site + " 2026-03 v1 SUPERSEDED", "DENIED")).isEqualTo(1);
        assertThat(audited("report.monthly.receive", site + " 2026-03 v2 CONFLICT", "DENIED")).isEqualTo(1);
    }

    @Test
    void anythingButAValidReportIsRefusedWith400AndNothingIsStored() throws Exception {
        String valid = report(1, 12);
        List<String> invalid = List.of(
                valid.replace("\"region\":\"chui\"", "\"region\":\"chui\",\"clientId\":\"x\""),
                valid.replace("\"count\":20}", "\"count\":20,\"reference\":\"0123456789abcdef\"}"),
                valid.replace("\"count\":12}", "\"count\":-1}"),
                valid.replace("\"withoutConsent\":3", "\"withoutConsent\":-3"),
                valid.replace("\"sex\":\"F\",\"age\":\"UNDER_25\",\"medicine\"", "\"sex\":\"f\",\"age\":\"UNDER_25\",\"medicine\""),
                valid.replace("\"age\":\"UNDER_25\",\"count\":20", "\"age\":\"UNDER_15\",\"count\":20"),
                valid.replace("\"measure\":\"DAYS\"", "\"measure\":\"NUMERATOR\""),
                valid.replace("\"age\":\"UNDER_25\",\"count\":20", "\"age\":\"UNDER_25\",\"medicine\":\"METHADONE\",\"count\":20"),
                valid.replace("\"sex\":\"OTHER\",\"age\":\"FROM_25\",\"medicine\":\"METHADONE\"", "\"sex\":\"OTHER\",\"age\":\"FROM_25\""),
                valid.replace("\"medicine\":\"BUPRENORPHINE\"", "\"medicine\":\"HEROIN\""),
                valid.replace("\"DENOMINATOR\",\"sex\":\"F\"", "\"NUMERATOR\",\"sex\":\"F\"").replace(
                        "\"age\":\"UNDER_25\",\"count\":20", "\"age\":\"UNDER_25\",\"medicine\":\"METHADONE\",\"count\":20"),
                valid.replace("2026-03-31", "2026-04-01"),
                valid.replace("\"version\":1,", ""),
                valid.replace("\"version\":1", "\"version\":0"),
                valid.replace("\"count\":310", "\"count\":1.5"),
                // the counted-elsewhere fields: present, consistent, nothing else in a bound
                valid.replace("\"exclusions\":\"APPLIED\",", ""),
                valid.replace("\"APPLIED\"", "\"applied\""),
                valid.replace("\"APPLIED\"", "\"UNAVAILABLE\""),
                valid.replace("\"countedElsewhere\":12", "\"countedElsewhere\":0"),
                valid.replace("\"countedElsewhere\":12", "\"countedElsewhere\":-12"),
                valid.replace("\"count\":9}", "\"count\":13}"),
                valid.replace("\"count\":9}", "\"count\":9,\"reference\":\"0123456789abcdef\"}"),
                valid.replace("\"RETAINED\"", "\"COHORT\""),
                valid.replace("\"measure\":\"RETAINED\"", "\"measure\":\"NUMERATOR\"").replace("\"IND13\",\"measure\":\"NUMERATOR\"",
                        "\"IND11\",\"measure\":\"NUMERATOR\""),
                valid.replace("{\"indicator\":\"IND13\",\"measure\":\"RETAINED\",\"count\":1},", ""),
                valid.replace("\"boundsBelowMinCell\":false", "\"boundsBelowMinCell\":true"),
                valid.replace("\"boundsBelowMinCell\":false", "\"boundsBelowMinCell\":\"false\""),
                valid.replaceAll(",\\s*\"boundsBelowMinCell\":false", ""),
                valid.replaceAll("\"bounds\":\\[[^\\]]*\\]", "\"bounds\":[]"),
                "[]",
                "{");
        for (String body : invalid) {
            assertThat(body).as("each case changes the valid report").isNotEqualTo(valid);
            var answer = put(token, "2026-03", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as("the answer quotes nothing sent").doesNotContain("HEROIN")
                    .doesNotContain("0123456789abcdef").doesNotContain("UNDER_15");
        }
        assertThat(put(token, "2026-13", valid).statusCode()).isEqualTo(400);
        assertThat(put(token, "2099-01", valid.replace("2026-03-31", "2099-01-31")).statusCode()).isEqualTo(400);
        assertThat(stored()).as("nothing stored").isEmpty();
        assertThat(audited("report.monthly.receive", site + " 2026-03 INVALID", "DENIED")).isGreaterThanOrEqualTo(5);
        assertThat(put(token, "2026-03", valid).statusCode()).as("the valid report after all").isEqualTo(200);
    }

    /** The treatment-demand part over HTTP: stored and replaced with its report; a wrong part refused, nothing stored. */
    @Test
    void theTreatmentDemandPartIsStoredWithItsReportReplacedWithItAndRefusedWhenWrong() throws Exception {
        String withTdi = report(1, 12).replace("\"boundsBelowMinCell\":false}",
                "\"boundsBelowMinCell\":false" + TreatmentDemandPartTest.TDI + "}");
        List<String> invalid = List.of(
                withTdi.replace("\"category\":\"HEROIN\"", "\"category\":\"Heroin\""),
                withTdi.replace("\"withoutConsent\":1,", "\"withoutConsent\":1,\"clientIds\":[],"),
                withTdi.replace("\"counted\":3", "\"counted\":4"),
                withTdi.replace("\"INJECT\",\"status\":\"FIRST_EVER\",\"count\":2",
                        "\"INJECT\",\"status\":\"FIRST_EVER\",\"count\":1.5"));
        for (String body : invalid) {
            var answer = put(token, "2026-03", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).contains("tdi").doesNotContain("Heroin");
        }
        assertThat(stored()).as("nothing stored").isEmpty();
        assertThat(tdiStored()).isEmpty();

        assertThat(put(token, "2026-03", withTdi).statusCode()).isEqualTo(200);
        assertThat(put(token, "2026-03", withTdi).body()).contains("\"receipt\":\"UNCHANGED\"");
        assertThat(tdiStored()).containsExactly("2026-03 3 1 12");
        // the same version with a changed part is another report: a conflict
        assertThat(put(token, "2026-03", withTdi.replace("\"withoutConsent\":1,\"cells\"",
                "\"withoutConsent\":2,\"cells\"")).statusCode()).isEqualTo(409);
        // a correction without the part replaces the report, part and all
        assertThat(put(token, "2026-03", report(2, 12)).statusCode()).isEqualTo(200);
        assertThat(tdiStored()).isEmpty();
    }

    List<String> tdiStored() {
        return db.sql("""
                SELECT t.report_month, t.counted, t.without_consent,
                       (SELECT COUNT(*) FROM hub_monthly_report_tdi_cell c
                        WHERE c.site_code = t.site_code AND c.report_month = t.report_month) AS cells
                FROM hub_monthly_report_tdi t WHERE t.site_code = :site ORDER BY t.report_month
                """).param("site", site).query((rs, n) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getInt(3)
                        + " " + rs.getLong(4)).list();
    }

    @Autowired
    HubMonthlyReports reports;

    /** The report with its N by bounded measure (IND.11's numerator, IND.12's days, IND.13's retained, IND.14's). */
    static String withN(String report, long ind11, long ind12, long ind13, long ind14) {
        String body = report.strip();
        return body.substring(0, body.length() - 1) + ",\"withoutDuplicateCheck\":["
                + "{\"indicator\":\"IND11\",\"measure\":\"NUMERATOR\",\"count\":" + ind11 + "},"
                + "{\"indicator\":\"IND12\",\"measure\":\"DAYS\",\"count\":" + ind12 + "},"
                + "{\"indicator\":\"IND13\",\"measure\":\"RETAINED\",\"count\":" + ind13 + "},"
                + "{\"indicator\":\"IND14\",\"measure\":\"NUMERATOR\",\"count\":" + ind14 + "}]}";
    }

    Map<ReportMeasure, Long> storedN() {
        return reports.storedFor(java.time.YearMonth.of(2026, 3)).stream().filter(r -> r.site().equals(site))
                .findFirst().orElseThrow().withoutCheck();
    }

    @Test
    void clientsWithoutTheDuplicateCheckConsentAreKeptByMeasureAndAnOlderReportWithoutThemIsUnknown()
            throws Exception {
        // a report made before N existed: stored, N unknown (not zero)
        assertThat(put(token, "2026-03", report(1, 12)).statusCode()).isEqualTo(200);
        assertThat(storedN()).isEmpty();

        // the correction says N: 5 of the 12 on treatment, 100 of the 310 days; no one retained or adequate here
        var corrected = put(token, "2026-03", withN(report(2, 12), 5, 100, 0, 0));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(storedN()).containsExactlyInAnyOrderEntriesOf(Map.of(ReportMeasure.IND11_NUMERATOR, 5L,
                ReportMeasure.IND12_DAYS, 100L, ReportMeasure.IND13_RETAINED, 0L, ReportMeasure.IND14_NUMERATOR, 0L));
        assertThat(put(token, "2026-03", withN(report(2, 12), 5, 100, 0, 0)).body())
                .contains("\"receipt\":\"UNCHANGED\"");
        assertThat(put(token, "2026-03", report(2, 12)).statusCode()).as("the same version without N is another report")
                .isEqualTo(409);

        // each bounded measure once, from 0 to the measure's total, nothing else in an entry
        String valid = withN(report(3, 12), 5, 100, 0, 0);
        List<String> invalid = List.of(
                withN(report(3, 12), 13, 100, 0, 0),
                withN(report(3, 12), 5, 311, 0, 0),
                withN(report(3, 12), 5, 100, 1, 0),
                withN(report(3, 12), -1, 100, 0, 0),
                valid.replace("{\"indicator\":\"IND14\",\"measure\":\"NUMERATOR\",\"count\":0}", "")
                        .replace(",]", "]"),
                valid.replace("\"IND14\",\"measure\":\"NUMERATOR\",\"count\":0",
                        "\"IND11\",\"measure\":\"NUMERATOR\",\"count\":0"),
                valid.replace("\"IND14\",\"measure\":\"NUMERATOR\",\"count\":0",
                        "\"IND14\",\"measure\":\"DENOMINATOR\",\"count\":0"),
                valid.replace("\"count\":5}", "\"count\":5,\"reference\":\"0123456789abcdef\"}"),
                valid.replace("\"count\":5}", "\"count\":\"5\"}"),
                valid.replaceAll("\"withoutDuplicateCheck\":\\[.*\\]", "\"withoutDuplicateCheck\":[]"));
        for (String body : invalid) {
            assertThat(body).isNotEqualTo(valid);
            var answer = put(token, "2026-03", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).doesNotContain("0123456789abcdef");
        }
        assertThat(storedN()).as("nothing stored").containsEntry(ReportMeasure.IND11_NUMERATOR, 5L);
        assertThat(put(token, "2026-03", valid).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyASiteTokenMaySendAReport() throws Exception {
        assertThat(put(null, "2026-03", report(1, 12)).statusCode()).isEqualTo(401);
        assertThat(put("ishs_not-a-token", "2026-03", report(1, 12)).statusCode()).isEqualTo(401);
        var admin = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/hub/monthly-reports/2026-03"))
                .header("Authorization", basic("reportsadmin", ADMIN_PASSWORD)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(report(1, 12))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(HTTP.send(HttpRequest.newBuilder(uri("/api/v1/hub/monthly-reports/2026-03"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("no route returns a site's cells").isIn(404, 405);
        assertThat(stored()).isEmpty();
    }

    // --- helpers

    List<String> stored() {
        return db.sql("""
                SELECT r.report_month, r.version,
                       (SELECT COUNT(*) FROM hub_monthly_report_cell c
                        WHERE c.site_code = r.site_code AND c.report_month = r.report_month) AS cells,
                       (SELECT c.cell_count FROM hub_monthly_report_cell c
                        WHERE c.site_code = r.site_code AND c.report_month = r.report_month AND c.indicator = 'IND11'
                          AND c.measure = 'NUMERATOR' AND c.sex = 'F' AND c.age_band = 'UNDER_25') AS numerator
                FROM hub_monthly_report r WHERE r.site_code = :site ORDER BY r.report_month
                """).param("site", site).query((rs, n) -> rs.getString(1) + " v" + rs.getInt(2) + " " + rs.getLong(3)
                        + " cells, IND11 NUMERATOR F UNDER_25 = " + rs.getLong(4)).list();
    }

    /** The stored counted-elsewhere fields and bounds of this test's site, one line per month. */
    List<String> countedElsewhere() {
        return db.sql("""
                SELECT report_month, exclusions, counted_elsewhere, bounds_below_min_cell FROM hub_monthly_report
                WHERE site_code = :site ORDER BY report_month
                """).param("site", site).query((rs, n) -> rs.getString(2) + " " + rs.getInt(3) + " "
                        + rs.getBoolean(4) + ":" + String.join("", db.sql("""
                                SELECT indicator, measure, bound_count FROM hub_monthly_report_bound
                                WHERE site_code = :site AND report_month = :m ORDER BY indicator, measure
                                """).param("site", site).param("m", rs.getString(1))
                                .query((b, i) -> " " + b.getString(1) + "/" + b.getString(2) + "=" + b.getLong(3))
                                .list())).list();
    }

    long audited(String action, String purpose, String outcome) {
        return db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE action = :action AND purpose = :p AND outcome = :o)
                     + (SELECT COUNT(*) FROM audit_pending WHERE action = :action AND purpose = :p AND outcome = :o)
                """).param("action", action).param("p", purpose).param("o", outcome).query(Long.class).single();
    }

    HttpResponse<String> put(String bearer, String month, String body) throws Exception {
        var request = HttpRequest.newBuilder(uri("/api/v1/hub/monthly-reports/" + month))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String register(String code) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/hub/sites"))
                .header("Authorization", basic("reportsadmin", ADMIN_PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"name\":\"Clinic\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return JSON.readTree(response.body()).get("token").stringValue();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
