package org.ishenim.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Enrolment;
import org.ishenim.clients.Purpose;
import org.ishenim.clients.Sex;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.BothDatabases;
import org.ishenim.testing.MutableClock;
import org.ishenim.testing.StaffFixture;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The treatment-entry form and the yearly TDI table end to end, through the pages as doctors, nurses and the manager
 * use them. The property gives this class its own Spring context, and so its own database: no other test's clients
 * are counted.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "ishenim.test.own-context=intake")
@BothDatabases
class IntakeFlowTest {

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

    @BeforeEach
    void setUp() {
        for (var s : List.of(List.of("nurse", Roles.NURSE), List.of("doctor", Roles.DOCTOR),
                List.of("pharmacist", Roles.PHARMACIST), List.of("manager", Roles.MANAGER))) {
            if (!staff.exists((String) s.get(0))) {
                staff.create((String) s.get(0), (Roles) s.get(1), StaffFixture.PASSWORD, true);
            }
        }
    }

    @Test
    void aFormWithErrorsComesBackWithEveryAnswerKeptThenSavesAndShowsOnTheClientPage() throws Exception {
        at("2025-06-01");
        ClientId client = enrol(Sex.F, 1995, "form", true);
        at("2026-03-01");
        Map<String, String> answers = answers("2026-02-20", "NEVER", "HEROIN", "COURT_PROBATION_POLICE");
        answers.put("ageFirstUseAnswer", "GIVEN");
        answers.put("ageFirstUse", "");
        answers.put("route", "");
        MvcResult refused = mvc.perform(form(client, answers, "nurse", "NURSE")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        String page = refused.getResponse().getContentAsString();
        assertThat(page).contains("Please correct", "Enter the age, or choose", "Choose an answer")
                .containsPattern("value=\"HEROIN\"\\s+selected")
                .containsPattern("value=\"COURT_PROBATION_POLICE\"\\s+selected")
                .containsPattern("value=\"NEVER\"\\s+selected").contains("value=\"2026-02-20\"")
                .containsPattern("id=\"route\"[^>]*aria-invalid=\"true\"");
        assertThat(entries(client)).isZero();

        answers.put("route", "INJECT");
        answers.put("ageFirstUse", "17");
        MvcResult saved = mvc.perform(form(client, answers, "nurse", "NURSE")).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/clients/" + client.value());
        assertThat(entries(client)).isEqualTo(1);

        String clientPage = page("/clients/" + client.value(), "doctor", "DOCTOR");
        assertThat(clientPage).contains("Treatment entries (TDI)", "2026-02-20", "Heroin", "Court, probation or police",
                "Inject", "17");
        assertThat(page("/clients/" + client.value() + "?lang=ru", "nurse", "NURSE")).contains("Героин");
        assertThat(page("/clients/" + client.value() + "?lang=ky", "nurse", "NURSE"))
                .contains("Дарылоонун башталышы (TDI)");
        // the client page is also a pharmacist's and a manager's: the panel is not shown to them
        assertThat(page("/clients/" + client.value(), "manager", "MANAGER")).doesNotContain("Treatment entries (TDI)")
                .doesNotContain("Court, probation or police");
    }

    @Test
    void declinedAndNotKnownAreAnswers() throws Exception {
        at("2025-06-01");
        ClientId client = enrol(Sex.M, 1980, "declined", true);
        at("2026-03-01");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("enteredOn", "2026-02-01");
        for (String field : List.of("treatmentCentre", "previousTreatment", "referralSource", "primaryDrug",
                "ageFirstUseAnswer", "everInjected")) {
            answers.put(field, "DECLINED");
        }
        for (String field : List.of("route", "frequency", "everOst")) {
            answers.put(field, "NOT_KNOWN");
        }
        answers.put("ageFirstUse", "");
        assertThat(mvc.perform(form(client, answers, "doctor", "DOCTOR")).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        assertThat(db.sql("""
                SELECT referral_source || ' ' || route || ' ' || age_first_use_answer FROM treatment_entry
                WHERE client_id = :c AND age_first_use IS NULL
                """).param("c", client.value()).query(String.class).single())
                .isEqualTo("DECLINED NOT_KNOWN DECLINED");
        assertThat(page("/clients/" + client.value(), "nurse", "NURSE")).contains("Declined", "Not known");
    }

    /**
     * The year 2024 (no other test of this class enters anyone in it): A (M, 1990) entered twice, first never treated:
     * counted once, first-ever; B (F, 2000) entered in 2023 and again in 2024, saying "never": treatment again, by this
     * clinic's records; C (X, 1970) declined the
     * question: not known; D (M, 1985) without the statistics consent: left out.
     */
    @Test
    void theYearlyTableCountsEachPersonOnceSplitsFirstEverAndAgainAndLeavesOutThoseWithoutConsent() throws Exception {
        at("2023-06-01");
        ClientId a = enrol(Sex.M, 1990, "year A", true);
        ClientId b = enrol(Sex.F, 2000, "year B", true);
        ClientId c = enrol(Sex.X, 1970, "year C", true);
        ClientId d = enrol(Sex.M, 1985, "year D", false);
        at("2024-12-01");
        save(b, answers("2023-07-01", "NEVER", "HEROIN", "SELF"));
        save(a, answers("2024-02-01", "NEVER", "HEROIN", "COURT_PROBATION_POLICE"));
        save(a, answers("2024-05-01", "PREVIOUSLY", "CANNABIS", "SELF"));
        save(b, answers("2024-03-01", "NEVER", "HEROIN", "SELF"));
        save(c, answers("2024-04-01", "DECLINED", "NOT_KNOWN", "NOT_KNOWN"));
        save(d, answers("2024-01-10", "NEVER", "HEROIN", "SELF"));

        long before = audited("manager", "report.treatment-demand");
        String page = page("/indicators/treatment-demand?year=2024", "manager", "MANAGER");
        assertThat(page).contains("People counted: 3. Left out for lack of the consent to statistics: 1.");
        MvcResult csv = mvc.perform(get("/indicators/treatment-demand?year=2024&format=csv")
                .with(user("manager").roles("MANAGER"))).andReturn();
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.getResponse().getContentAsString())).getRecords();
        assertThat(cells(rows, "All people entering treatment", "")).containsExactly("1", "1", "1", "3");
        assertThat(cells(rows, "By primary drug", "Heroin")).as("A first-ever, B again").containsExactly("1", "1", "0", "2");
        assertThat(cells(rows, "By primary drug", "Cannabis")).as("A's second entry is not counted")
                .containsExactly("0", "0", "0", "0");
        assertThat(cells(rows, "By primary drug", "Not known")).containsExactly("0", "0", "1", "1");
        assertThat(cells(rows, "By sex", "Male")).as("D left out").containsExactly("1", "0", "0", "1");
        assertThat(cells(rows, "By age at entry (years)", "30-34")).containsExactly("1", "0", "0", "1");
        assertThat(cells(rows, "By age at entry (years)", "20-24")).containsExactly("0", "1", "0", "1");
        assertThat(cells(rows, "By source of referral", "Court, probation or police"))
                .containsExactly("1", "0", "0", "1");
        assertThat(rows.get(rows.size() - 1).get(5)).isEqualTo("1");
        assertThat(audited("manager", "report.treatment-demand")).isEqualTo(before + 2);
        assertThat(page("/indicators/treatment-demand?year=2024&lang=ru", "manager", "MANAGER"))
                .contains("Учтено человек: 3");
        assertThat(page("/indicators/treatment-demand?year=2024&lang=ky", "manager", "MANAGER"))
                .contains("Эсептелген адамдар: 3");
    }

    @Test
    void onlyDoctorsAndNursesUseTheFormAndOnlyTheManagerSeesTheTableEachRefusalAudited() throws Exception {
        at("2025-06-01");
        ClientId client = enrol(Sex.M, 1988, "roles", true);
        at("2026-03-01");
        var answers = answers("2026-02-01", "NEVER", "HEROIN", "SELF");
        for (String[] who : new String[][] { { "pharmacist", "PHARMACIST" }, { "manager", "MANAGER" } }) {
            assertThat(status(get("/intake/clients/" + client.value() + "/entry"), who)).isEqualTo(403);
            assertThat(mvc.perform(form(client, answers, who[0], who[1])).andReturn().getResponse().getStatus())
                    .isEqualTo(403);
        }
        for (String[] who : new String[][] { { "nurse", "NURSE" }, { "doctor", "DOCTOR" }, { "pharmacist", "PHARMACIST" } }) {
            assertThat(status(get("/indicators/treatment-demand"), who)).isEqualTo(403);
            assertThat(audited(who[0], "report.treatment-demand")).isZero();
            assertThat(audited(who[0], "denied GET /indicators/treatment-demand")).isEqualTo(1);
        }
        assertThat(entries(client)).isZero();
        // no CSRF token: refused, nothing saved
        var noToken = post("/intake/clients/" + client.value() + "/entry").with(user("nurse").roles("NURSE"));
        answers.forEach(noToken::param);
        assertThat(mvc.perform(noToken).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(entries(client)).isZero();
        assertThat(status(get("/intake/clients/" + client.value() + "/entry"), new String[] { "nurse", "NURSE" }))
                .isEqualTo(200);
    }

    @Test
    void everyReadAndWriteOfAnEntryIsAudited() throws Exception {
        at("2025-06-01");
        ClientId client = enrol(Sex.F, 1991, "audit", true);
        at("2026-03-01");
        long writes = audited("doctor", "intake.write", client);
        long reads = audited("doctor", "intake.read", client);
        var answers = answers("2026-02-01", "NEVER", "HEROIN", "SELF");
        answers.put("route", "");
        mvc.perform(form(client, answers, "doctor", "DOCTOR")).andReturn();
        answers.put("route", "INJECT");
        mvc.perform(form(client, answers, "doctor", "DOCTOR")).andReturn();
        assertThat(audited("doctor", "intake.write", client)).as("the refused save and the save").isEqualTo(writes + 2);
        assertThat(db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE action = 'intake.write' AND client_id = :c
                        AND outcome = 'FAILED')
                     + (SELECT COUNT(*) FROM audit_pending WHERE action = 'intake.write' AND client_id = :c
                        AND outcome = 'FAILED')
                """).param("c", client.value()).query(Long.class).single()).isEqualTo(1);
        page("/clients/" + client.value(), "doctor", "DOCTOR");
        assertThat(audited("doctor", "intake.read", client)).isEqualTo(reads + 1);
    }

    private Map<String, String> answers(String on, String previous, String drug, String referral) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("enteredOn", on);
        a.put("treatmentCentre", "OUTPATIENT");
        a.put("previousTreatment", previous);
        a.put("referralSource", referral);
        a.put("primaryDrug", drug);
        a.put("route", "INJECT");
        a.put("frequency", "DAILY");
        a.put("ageFirstUseAnswer", "NOT_KNOWN");
        a.put("ageFirstUse", "");
        a.put("everInjected", "YES");
        a.put("everOst", "NO");
        return a;
    }

    private void save(ClientId client, Map<String, String> answers) throws Exception {
        assertThat(mvc.perform(form(client, answers, "nurse", "NURSE")).andReturn().getResponse().getStatus())
                .isEqualTo(302);
    }

    private MockHttpServletRequestBuilder form(ClientId client, Map<String, String> answers, String name, String role) {
        var request = post("/intake/clients/" + client.value() + "/entry").with(user(name).roles(role)).with(csrf());
        answers.forEach(request::param);
        return request;
    }

    private String page(String path, String name, String role) throws Exception {
        MvcResult r = mvc.perform(get(path).with(user(name).roles(role))).andReturn();
        assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    private int status(MockHttpServletRequestBuilder request, String[] who) throws Exception {
        return mvc.perform(request.with(user(who[0]).roles(who[1]))).andReturn().getResponse().getStatus();
    }

    private static List<String> cells(List<CSVRecord> rows, String dimension, String category) {
        CSVRecord r = rows.stream().filter(x -> x.get(0).equals(dimension) && x.get(1).equals(category)).findFirst()
                .orElseThrow(() -> new AssertionError(dimension + " / " + category));
        return List.of(r.get(2), r.get(3), r.get(4), r.get(5));
    }

    private long entries(ClientId client) {
        return db.sql("SELECT COUNT(*) FROM treatment_entry WHERE client_id = :c").param("c", client.value())
                .query(Long.class).single();
    }

    private long audited(String actor, String action) {
        return db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE action = :action AND actor = :a)
                     + (SELECT COUNT(*) FROM audit_pending WHERE action = :action AND actor = :a)
                """).param("a", actor).param("action", action).query(Long.class).single();
    }

    private long audited(String actor, String action, ClientId client) {
        return db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE action = :action AND actor = :a AND client_id = :c)
                     + (SELECT COUNT(*) FROM audit_pending WHERE action = :action AND actor = :a AND client_id = :c)
                """).param("a", actor).param("action", action).param("c", client.value()).query(Long.class).single();
    }

    private void at(String day) {
        clock.set(Instant.parse(day + "T04:00:00Z"));
    }

    private ClientId enrol(Sex sex, int birthYear, String alias, boolean statistics) {
        Set<Purpose> consents = statistics ? Set.of(Purpose.TREATMENT, Purpose.STATISTICS) : Set.of(Purpose.TREATMENT);
        return clients.enrol(new Enrolment(sex, birthYear, "Aigul", "Bakyt", "intake " + alias, null, false,
                consents)).id();
    }
}
