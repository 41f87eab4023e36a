package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Population size estimates on the hub, coverage against them on the national page, and the national trends, on H2
 * and PostgreSQL. Its own context, so its own database: no other test's reports or estimates are counted.
 * <p>
 * The stored reports (the sites of {@link NationalIndicatorsTest}: chui's numerator 72, osh's 89, national 161 of
 * 247 in contact):
 * <pre>
 * 2024-03  chui + osh    IND.11 numerator 161, service coverage 161 / 247 = 65.2 %
 * 2024-04  no report
 * 2024-05  talas only    numerator 5: suppressed, so is its coverage
 * 2024-06  chui + osh    as 2024-03
 * </pre>
 * Estimates: KG 2023 = 1,000, KG 2024 = 800, KG 2025 = 50 (later than the census year 2024: not used), chui 2022 =
 * 400, osh none. So for 2024-06: national 161 / 800 = 20.1 % (KG 2024), chui 72 / 400 = 18.0 % (chui 2022), osh "no
 * estimate". For 2024-05: the national numerator (5) is suppressed, so the coverage is [c], never 5 / 800 = 0.6 %.
 */
@SpringBootTest(properties = "ishenim.role=hub")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "ishenim.test.own-context=population")
@BothDatabases
class PopulationCoverageTest {

    static final String PAGE = "/national-indicators/population";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts staff;
    @Autowired
    JdbcClient db;
    @Autowired
    HubMonthlyReports reports;

    @BeforeEach
    void setUp() {
        StaffFixture.onePerRole(staff);
        db.sql("DELETE FROM hub_population_estimate_history").update();
        db.sql("DELETE FROM hub_population_estimate").update();
        for (String site : List.of("chui-a", "osh-b", "talas-c")) {
            site(site);
        }
        for (YearMonth month : List.of(YearMonth.of(2024, 3), YearMonth.of(2024, 6))) {
            reports.receive("chui-a", NationalIndicatorsTest.chui(month, 1, 40));
            reports.receive("osh-b", NationalIndicatorsTest.osh(month));
        }
        reports.receive("talas-c", NationalIndicatorsTest.talas(YearMonth.of(2024, 5)));
    }

    // --- the estimates' page --------------------------------------------------------------------------------

    @Test
    void anAnalystEntersAnEstimateThatIsListedWithItsSourceAndAudited() throws Exception {
        long writes = audited("analyst", "population.write");
        long reads = audited("viewer", "report.population");
        MvcResult saved = mvc.perform(entry("analyst", "ANALYST", Map.of("region", "chui", "year", "2024", "size",
                "12500", "source", "Mapping study 2024, Ministry of Health")).with(csrf())).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(PAGE);
        assertThat(estimates()).isEqualTo(1);
        assertThat(db.sql("SELECT entered_by FROM hub_population_estimate WHERE region = 'chui'").query(String.class)
                .single()).isEqualTo("analyst");

        String page = page("viewer", "VIEWER", PAGE + "?lang=en");
        assertThat(row(page, "estimate-chui-2024")).contains("chui", "2024", "12500",
                "Mapping study 2024, Ministry of Health", "analyst");
        assertThat(page).contains("Population size estimates").doesNotContain("id=\"population-form\"")
                .doesNotContain("name=\"source\"");
        assertThat(page("analyst", "ANALYST", PAGE + "?lang=en")).contains("name=\"source\"")
                .contains("name=\"_csrf\"");
        assertThat(page("viewer", "VIEWER", PAGE + "?lang=ru")).contains("Оценки численности");
        assertThat(page("viewer", "VIEWER", PAGE + "?lang=ky")).contains("Калктын санынын баалоолору");
        assertThat(audited("analyst", "population.write")).isEqualTo(writes + 1);
        assertThat(audited("viewer", "report.population")).isEqualTo(reads + 3);
    }

    @Test
    void anInvalidEntryComesBackWithTheFieldsMarkedAndNothingStored() throws Exception {
        long refusals = audited("analyst", "population.write", "FAILED");
        long writes = audited("analyst", "population.write", "SUCCESS");
        MvcResult refused = mvc.perform(entry("analyst", "ANALYST", Map.of("region", "no such region!", "year",
                "1850", "size", "0", "source", "  ")).with(csrf())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        String page = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Please correct");
        for (String field : List.of("region", "year", "size", "source")) {
            assertThat(page).as(field).containsPattern("id=\"" + field + "\"[^>]*aria-invalid=\"true\"");
        }
        // a size that is not a whole number comes back with what was typed kept
        MvcResult fraction = mvc.perform(entry("analyst", "ANALYST", Map.of("region", "osh", "year", "2024", "size",
                "12.5", "source", "Survey 2024")).with(csrf())).andReturn();
        String second = fraction.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(second).containsPattern("id=\"size\"[^>]*aria-invalid=\"true\"")
                .doesNotContainPattern("id=\"source\"[^>]*aria-invalid=\"true\"").contains("value=\"osh\"")
                .contains("value=\"2024\"").contains("Survey 2024");
        // text with a direction override is refused by the project's one gate for incoming text (a 400 naming the
        // field, never echoing it)
        MvcResult unsafe = mvc.perform(entry("analyst", "ANALYST", Map.of("region", "osh", "year", "2024", "size",
                "100", "source", "Survey \u202Egnp.exe")).with(csrf())).andReturn();
        assertThat(unsafe.getResponse().getStatus()).isEqualTo(400);
        assertThat(unsafe.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("gnp.exe");
        String tooLong = "x".repeat(501);
        MvcResult longSource = mvc.perform(entry("analyst", "ANALYST", Map.of("region", "osh", "year", "2024",
                "size", "100", "source", tooLong)).with(csrf())).andReturn();
        assertThat(longSource.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .containsPattern("id=\"source\"[^>]*aria-invalid=\"true\"");
        assertThat(estimates()).isZero();
        assertThat(audited("analyst", "population.write", "FAILED")).as("refusals").isEqualTo(refusals + 3);
        assertThat(audited("analyst", "population.write", "SUCCESS")).isEqualTo(writes);
    }

    @Test
    void aNewEstimateForTheSameRegionAndYearReplacesTheOldOneWhichIsKept() throws Exception {
        save("chui", "2024", "12500", "First estimate");
        save("chui", "2024", "13000", "Revised estimate");
        save("chui", "2023", "11000", "Earlier year");
        assertThat(estimates()).isEqualTo(2);
        assertThat(db.sql("SELECT population_size FROM hub_population_estimate WHERE region = 'chui' AND "
                + "estimate_year = 2024").query(Long.class).single()).isEqualTo(13000L);
        assertThat(db.sql("SELECT population_size || ' ' || source || ' ' || replaced_by "
                + "FROM hub_population_estimate_history").query(String.class).list())
                .containsExactly("12500 First estimate analyst");
        String page = page("analyst", "ANALYST", PAGE + "?lang=en");
        assertThat(row(page, "estimate-chui-2024")).contains("13000", "Revised estimate");
        assertThat(row(page, "replaced-chui-2024-1")).contains("12500", "First estimate");
    }

    @Test
    void onlyAnalystsWriteViewersReadAndEveryoneElseIsRefused() throws Exception {
        assertThat(mvc.perform(entry("viewer", "VIEWER", Map.of("region", "chui", "year", "2024", "size", "100",
                "source", "S")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        for (String role : List.of("ADMIN", "AUDITOR", "MANAGER", "DOCTOR", "NURSE", "PHARMACIST")) {
            String name = role.toLowerCase();
            assertThat(mvc.perform(get(PAGE).with(user(name).roles(role))).andReturn().getResponse().getStatus())
                    .as(role).isEqualTo(403);
            assertThat(mvc.perform(entry(name, role, Map.of("region", "chui", "year", "2024", "size", "100",
                    "source", "S")).with(csrf())).andReturn().getResponse().getStatus()).as(role).isEqualTo(403);
        }
        assertThat(mvc.perform(get(PAGE)).andReturn().getResponse().getStatus()).isIn(302, 401);
        // no CSRF token: refused, nothing stored
        assertThat(mvc.perform(entry("analyst", "ANALYST", Map.of("region", "chui", "year", "2024", "size", "100",
                "source", "S"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(estimates()).isZero();
        assertThat(audited("viewer", "denied POST " + PAGE)).isPositive();
    }

    // --- coverage against the population --------------------------------------------------------------------

    @Test
    void coverageAgainstThePopulationUsesTheLatestEstimateUpToTheCensusYearAsWorkedByHand() throws Exception {
        save("KG", "2023", "1000", "National estimate 2023");
        save("KG", "2024", "800", "National estimate 2024");
        save("KG", "2025", "50", "National estimate 2025");
        save("chui", "2022", "400", "Chui study 2022");

        String page = page("analyst", "ANALYST", "/national-indicators?month=2024-06&lang=en");
        assertThat(row(page, "population-national")).contains("National (KG)", "161", "800", "20.1%", "2024",
                "National estimate 2024");
        assertThat(row(page, "population-chui")).contains("chui", "72", "400", "18.0%", "2022", "Chui study 2022");
        assertThat(row(page, "population-osh")).contains("osh", "89", "No estimate").doesNotContain("%");
        assertThat(section(page, "national-population")).contains("of a year up to 2024.").contains("<svg")
                .contains("Target 50%")
                .contains("stroke-dasharray");
        assertThat(page("viewer", "VIEWER", "/national-indicators?month=2024-06&lang=ru"))
                .contains("Охват относительно численности населения");
        assertThat(page("viewer", "VIEWER", "/national-indicators?month=2024-06&lang=ky"))
                .contains("Калктын санына карата камтуу");
    }

    @Test
    void aSuppressedNumeratorGivesASuppressedCoverage() throws Exception {
        save("KG", "2024", "800", "National estimate 2024");
        String page = page("analyst", "ANALYST", "/national-indicators?month=2024-05&lang=en");
        String national = row(page, "population-national");
        assertThat(national).contains("[c]", "800", "2024").doesNotContain("%");
        assertThat(section(page, "national-population")).doesNotContain("0.6%").doesNotContain("0.625");
    }

    @Test
    void theDownloadCarriesTheEstimatesAndThePopulationCoverage() throws Exception {
        save("KG", "2024", "800", "National estimate 2024");
        save("chui", "2022", "400", "Chui study 2022");
        String csv = mvc.perform(get("/national-indicators/download?month=2024-06&format=csv")
                .with(user("analyst").roles("ANALYST"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("KG,IND11-POPULATION,,,161,800").contains("chui,IND11-POPULATION,,,72,400")
                .doesNotContain("osh,IND11-POPULATION");
    }

    // --- trends -----------------------------------------------------------------------------------------------

    @Test
    void theTrendsShowTwelveMonthsWithAMissingMonthAndSuppressionRespected() throws Exception {
        String page = page("analyst", "ANALYST", "/national-indicators?month=2024-06&lang=en");
        String trends = section(page, "national-trends");
        assertThat(trends).contains("<svg");
        List<String> months = ids(trends, "trend-(\\d{4}-\\d{2})");
        assertThat(months).hasSize(12).startsWith("2023-07").endsWith("2024-06");
        assertThat(row(trends, "trend-2024-06")).contains("2", "161", "247", "65.2%");
        assertThat(row(trends, "trend-2024-03")).contains("2", "161", "65.2%");
        assertThat(row(trends, "trend-2024-04")).contains("No reports").doesNotContain("%");
        assertThat(row(trends, "trend-2023-07")).contains("No reports");
        assertThat(row(trends, "trend-2024-05")).contains("1", "[c]").doesNotContain("%").doesNotContain(" 5 ");
        assertThat(page("viewer", "VIEWER", "/national-indicators?month=2024-06&lang=ru")).contains("Динамика");
        assertThat(page("viewer", "VIEWER", "/national-indicators?month=2024-06&lang=ky")).contains("Динамика");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    void save(String region, String year, String size, String source) throws Exception {
        MvcResult r = mvc.perform(entry("analyst", "ANALYST", Map.of("region", region, "year", year, "size", size,
                "source", source)).with(csrf())).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(302);
    }

    MockHttpServletRequestBuilder entry(String name, String role, Map<String, String> fields) {
        MockHttpServletRequestBuilder request = post(PAGE).with(user(name).roles(role));
        fields.forEach(request::param);
        return request;
    }

    long estimates() {
        return db.sql("SELECT COUNT(*) FROM hub_population_estimate").query(Long.class).single();
    }

    void site(String code) {
        db.sql("""
                INSERT INTO hub_site (code, name, token_sha256, created_at, created_by, token_issued_at)
                SELECT :code, 'Clinic', :token, :at, 'test', :at WHERE NOT EXISTS (SELECT 1 FROM hub_site WHERE code = :code)
                """).param("code", code).param("token", UUID.randomUUID().toString().replace("-", ""))
                .param("at", Utc.of(java.time.Instant.parse("2024-01-01T00:00:00Z"))).update();
    }

    String page(String name, String role, String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(user(name).roles(role))).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The text of the table row with this id, tags stripped (empty when there is none). */
    static String row(String html, String id) {
        Matcher m = Pattern.compile("<tr id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("row " + id).isTrue();
        return m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    static String section(String html, String id) {
        Matcher m = Pattern.compile("<section id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</section>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("section " + id).isTrue();
        return m.group(1);
    }

    static List<String> ids(String html, String regex) {
        return Pattern.compile("<tr id=\"" + regex + "\"").matcher(html).results().map(r -> r.group(1)).toList();
    }

    long audited(String actor, String action) {
        return audited(actor, action, "SUCCESS") + audited(actor, action, "DENIED") + audited(actor, action, "FAILED");
    }

    long audited(String actor, String action, String outcome) {
        return db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE action = :action AND actor = :a AND outcome = :o)
                     + (SELECT COUNT(*) FROM audit_pending WHERE action = :action AND actor = :a AND outcome = :o)
                """).param("a", actor).param("action", action).param("o", outcome).query(Long.class).single();
    }
}
