package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ishenim.indicators.exchange.Dhis2Mapping;
import org.ishenim.indicators.exchange.Dhis2Stub;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * "Send to DHIS2" on the national page against {@link Dhis2Stub}, the local server that checks what DHIS2's Web API
 * documentation requires (the one the {@code Dhis2Client} tests use), here as an instance whose data set is monthly
 * and that knows the nation and the two regions of {@link NationalIndicatorsTest}'s 2026-03: the analyst's form post
 * sends the published tables (dry runs first), the page shows DHIS2's counts, a cell suppressed now is deleted there,
 * and every send is audited with the month and the counts; DHIS2 down, a refused token and conflicts each give a clear
 * message, write nothing, and leave the token out of every log line. Viewers see no button and cannot send; clinic
 * roles and the hub's administrator are refused; a post without the CSRF token is refused.
 */
@SpringBootTest(properties = "ishenim.role=hub")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class NationalDhis2SendTest {

    static final String TOKEN = "d2pat_Send7aB3xUbWNedQxy4ohH77WlxRGVvZZ2261925103";
    static final Dhis2Mapping MAPPING = Dhis2Mapping.whoHivAggregatePackage();
    static final Set<String> ORG_UNITS = new HashSet<>(Set.of("KG", "chui", "osh"));
    static final Dhis2Stub DHIS2 = stub();
    static final Path TOKEN_FILE = tokenFile();

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts staff;
    @Autowired
    JdbcClient db;
    @Autowired
    HubMonthlyReports reports;

    @DynamicPropertySource
    static void dhis2(DynamicPropertyRegistry registry) {
        registry.add("ishenim.indicators.dhis2.base-url", () -> DHIS2.baseUrl().toString());
        registry.add("ishenim.indicators.dhis2.token-file", TOKEN_FILE::toString);
    }

    @AfterAll
    static void stop() {
        DHIS2.close();
    }

    @BeforeEach
    void sitesReportsAndAFreshInstance() throws IOException {
        StaffFixture.onePerRole(staff);
        NationalIndicatorsTest sites = new NationalIndicatorsTest();
        sites.db = db;
        sites.site("chui-a");
        sites.site("osh-b");
        reports.receive("chui-a", NationalIndicatorsTest.chui(NationalIndicatorsTest.MARCH, 1, 99));
        reports.receive("chui-a", NationalIndicatorsTest.chui(NationalIndicatorsTest.MARCH, 2, 40));
        reports.receive("osh-b", NationalIndicatorsTest.osh(NationalIndicatorsTest.MARCH));
        DHIS2.stored.clear();
        DHIS2.received.clear();
        DHIS2.down = false;
        ORG_UNITS.add("osh");
        Files.writeString(TOKEN_FILE, TOKEN + "\n");
    }

    @Test
    void theAnalystSendsTheMonthAndSeesDhis2sCountsAndTheSendIsAudited() throws Exception {
        // published last time, suppressed now (the national F<25 on-treatment count is [c] for 2026-03)
        String nowSuppressed = Dhis2Stub.key("HIV_OAMT", "202603", "KG", "0_24_YEARS_FEMALE");
        DHIS2.stored.put(nowSuppressed, "31");
        long before = audited("report.national.dhis2", "SUCCESS");

        String page = send("analyst", "ANALYST");

        assertThat(DHIS2.received).extracting(r -> r.query().get("dryRun") + " " + r.query().get("importStrategy"))
                .containsExactly("true CREATE_AND_UPDATE", "true DELETE", "false CREATE_AND_UPDATE", "false DELETE");
        assertThat(DHIS2.stored).doesNotContainKey(nowSuppressed)
                .containsEntry(Dhis2Stub.key("HIV_OAMT", "202603", "KG", "25_MORE_YEARS_MALE"), "70")
                .containsEntry(Dhis2Stub.key("HIV_OAMT_ACCESS", "202603", "chui", "25_MORE_YEARS_MALE"), "60")
                .containsEntry(Dhis2Stub.key("HIV_OAMT", "202603", "osh", "0_24_YEARS_FEMALE"), "14");
        assertThat(DHIS2.stored.values()).allSatisfy(v -> assertThat(NationalIndicatorsTest.small(Long.parseLong(v)))
                .as(v).isFalse());
        int imported = DHIS2.stored.size();
        assertThat(page).contains("id=\"dhis2-sent\"")
                .contains("Sent to DHIS2 for 2026-03: " + imported + " imported, 0 updated, 1 deleted,");
        assertThat(audited("report.national.dhis2", "SUCCESS")).isEqualTo(before + 1);
        assertThat(purposes("report.national.dhis2"))
                .contains("2026-03 imported=" + imported + " updated=0 deleted=1 ignored=" + ignoredDeletions()
                        + " conflicts=0");

        // sent again: the same values are updated, nothing new
        String again = send("analyst", "ANALYST");
        assertThat(again).contains("Sent to DHIS2 for 2026-03: 0 imported, " + imported + " updated, 0 deleted,");
    }

    /**
     * The year (for a yearly data set): without December reports there is no year, and nothing is asked of DHIS2; a
     * year sent to this instance, whose data set is monthly, is refused in its dry run and nothing is written.
     */
    @Test
    void theYearNeedsDecemberReportsAndAMonthlyDataSetRefusesIt() throws Exception {
        String none = sendYear("2022-03");
        assertThat(none).contains("id=\"dhis2-failed\"").contains("No clinic has sent its December report");
        assertThat(DHIS2.received).isEmpty();
        assertThat(purposes("report.national.dhis2")).anyMatch(p -> p.startsWith("2022 failed=NO_DECEMBER"));

        reports.receive("chui-a", NationalIndicatorsTest.chui(YearMonth.of(2022, 12), 1, 40));
        reports.receive("osh-b", NationalIndicatorsTest.osh(YearMonth.of(2022, 12)));
        String refused = sendYear("2022-12");
        assertThat(refused).contains("id=\"dhis2-failed\"").contains("DHIS2 did not accept the data");
        assertThat(DHIS2.received).isNotEmpty().allMatch(r -> "true".equals(r.query().get("dryRun")));
        assertThat(DHIS2.stored).isEmpty();
        assertThat(purposes("report.national.dhis2")).anyMatch(p -> p.startsWith("2022 failed=REFUSED"));
    }

    String sendYear(String month) throws Exception {
        MvcResult posted = mvc.perform(post("/national-indicators/dhis2").param("month", month).param("period", "year")
                .with(user("analyst").roles("ANALYST")).with(csrf())).andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(302);
        MvcResult shown = mvc.perform(get(posted.getResponse().getRedirectedUrl().replace("#national-dhis2", "")
                + "&lang=en").with(user("analyst").roles("ANALYST")).flashAttrs(posted.getFlashMap())).andReturn();
        return shown.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void dhis2DownGivesAClearMessageAndWritesNothing(CapturedOutput output) throws Exception {
        DHIS2.down = true;

        String page = send("analyst", "ANALYST");

        assertThat(page).contains("id=\"dhis2-failed\"").contains("DHIS2 could not be reached")
                .contains("Nothing was imported.").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(DHIS2.stored).isEmpty();
        assertThat(purposes("report.national.dhis2")).anyMatch(p -> p.startsWith("2026-03 failed=UNREACHABLE"));
        assertThat(output.getAll()).doesNotContain("d2pat");
    }

    @Test
    void aRefusedTokenGivesAClearMessageAndIsInNoLogLine(CapturedOutput output) throws Exception {
        Files.writeString(TOKEN_FILE, TOKEN.replace('7', '8'));

        String page = send("analyst", "ANALYST");

        assertThat(page).contains("DHIS2 refused the access token (HTTP 401)").contains("Nothing was imported.")
                .doesNotContain("d2pat");
        assertThat(DHIS2.stored).isEmpty();
        assertThat(output.getAll()).doesNotContain("d2pat");
        assertThat(purposes("report.national.dhis2")).anyMatch(p -> p.startsWith("2026-03 failed=UNAUTHORIZED http=401"));
    }

    @Test
    void conflictsInTheDryRunAreCountedOnThePageAndWriteNothing() throws Exception {
        ORG_UNITS.remove("osh");

        String page = send("analyst", "ANALYST");

        assertThat(page).containsPattern("DHIS2 did not accept the data \\(HTTP 200\\): \\d+ conflicts")
                .contains("Nothing was imported.");
        assertThat(DHIS2.received).hasSize(1);
        assertThat(DHIS2.stored).isEmpty();
    }

    @Test
    void theAnalystSeesTheButtonAndTheViewerDoesNotAndCannotSend() throws Exception {
        String analyst = page("analyst", "ANALYST");
        assertThat(analyst).contains("id=\"dhis2-send\"").contains("name=\"_csrf\"")
                .doesNotContain("id=\"dhis2-not-configured\"");
        String viewer = page("viewer", "VIEWER");
        assertThat(viewer).contains("id=\"national-dhis2\"").doesNotContain("id=\"dhis2-send\"")
                .doesNotContain("id=\"dhis2-not-configured\"");

        assertThat(statusOfPost("viewer", "VIEWER", true)).isEqualTo(403);
        for (String role : List.of("ADMIN", "AUDITOR", "MANAGER", "DOCTOR", "NURSE", "PHARMACIST")) {
            assertThat(statusOfPost(role.toLowerCase(), role, true)).as(role).isEqualTo(403);
        }
        assertThat(statusOfPost("analyst", "ANALYST", false)).as("without the CSRF token").isEqualTo(403);
        MvcResult anonymous = mvc.perform(post("/national-indicators/dhis2").param("month", "2026-03").with(csrf()))
                .andReturn();
        assertThat(anonymous.getResponse().getStatus()).isIn(302, 401);
        assertThat(DHIS2.received).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** The deletions DHIS2 ignores because it holds no such value: every suppressed cell but the one stored. */
    int ignoredDeletions() {
        return (int) DHIS2.received.get(3).body().path("dataValues").size() - 1;
    }

    /** Posts the form as the page does, then follows the redirect with its flash attributes. */
    String send(String name, String role) throws Exception {
        MvcResult posted = mvc.perform(post("/national-indicators/dhis2").param("month", "2026-03")
                .with(user(name).roles(role)).with(csrf())).andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(302);
        String location = posted.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/national-indicators?month=2026-03");
        MvcResult shown = mvc.perform(get(location.replace("#national-dhis2", "") + "&lang=en")
                .with(user(name).roles(role)).flashAttrs(posted.getFlashMap())).andReturn();
        assertThat(shown.getResponse().getStatus()).isEqualTo(200);
        return shown.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String page(String name, String role) throws Exception {
        MvcResult r = mvc.perform(get("/national-indicators?month=2026-03&lang=en").with(user(name).roles(role)))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(role + " sees the page").isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    int statusOfPost(String name, String role, boolean withCsrf) throws Exception {
        var request = post("/national-indicators/dhis2").param("month", "2026-03").with(user(name).roles(role));
        return mvc.perform(withCsrf ? request.with(csrf()) : request).andReturn().getResponse().getStatus();
    }

    long audited(String action, String outcome) {
        return db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE action = :action AND outcome = :o)
                     + (SELECT COUNT(*) FROM audit_pending WHERE action = :action AND outcome = :o)
                """).param("action", action).param("o", outcome).query(Long.class).single();
    }

    List<String> purposes(String action) {
        return db.sql("""
                SELECT purpose FROM audit_entry WHERE action = :action
                UNION ALL SELECT purpose FROM audit_pending WHERE action = :action
                """).param("action", action).query(String.class).list();
    }

    static Dhis2Stub stub() {
        Set<String> elements = new HashSet<>(MAPPING.numerators().values());
        elements.addAll(MAPPING.denominators().values());
        try {
            return new Dhis2Stub(TOKEN, elements, new HashSet<>(MAPPING.optionCombos().values()), ORG_UNITS,
                    "\\d{6}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tokenFile() {
        try {
            Path file = Files.createTempFile("dhis2", ".token");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
