package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ishenim.IshenimApplication;
import org.ishenim.clients.Client;
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
import org.ishenim.web.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clinic's monthly report: frozen from the records (aggregates only), versioned, audited, owed to the hub through
 * the Event Publication Registry, sent when the hub comes up (a real hub, started in this test on a port where nothing
 * listened before), resent and corrected without adding up at the hub, frozen by the schedule once a month, and
 * shown on the manager's page. The clinic runs on H2 and PostgreSQL; the hub on H2 ({@link MonthlyReportReceiptTest}
 * runs the hub's side on both).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ MutableClock.Config.class, MonthlyReportsTest.RecordHubRequests.class })
@BothDatabases
class MonthlyReportsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = StaffFixture.PASSWORD;
    static final String HUB_ADMIN_PASSWORD = "hubadmin-password-1";
    static final int hubPort;
    static final Path tokenFile;
    static final Path secretFile;
    static ConfigurableApplicationContext hub;

    static {
        try (ServerSocket socket = new ServerSocket(0)) {
            hubPort = socket.getLocalPort(); // nothing listens here until the hub is started
            tokenFile = Files.createTempFile("ishenim-site", ".token");
            secretFile = Files.createTempFile("ishenim-linkage", ".secret");
            Files.writeString(secretFile, "monthly-report-test-secret-0123456789\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void hubNotYetThere(DynamicPropertyRegistry r) {
        r.add("ishenim.hub.url", () -> "http://localhost:" + hubPort);
        r.add("ishenim.hub.token-file", tokenFile::toString);
        r.add("ishenim.linkage.secret-file", secretFile::toString); // the duplicate check shares the hub connection
        r.add("ishenim.indicators.region", () -> "chui");
        r.add("ishenim.indicators.report-send-after-commit", () -> "false");
        r.add("ishenim.indicators.report-send-interval", () -> "PT1H");
        r.add("ishenim.indicators.report-schedule", () -> "-");
        r.add("ishenim.duplicates.send-after-commit", () -> "false");
        r.add("ishenim.duplicates.send-interval", () -> "PT1H");
    }

    /** Every request the clinic sends to the hub: method, path and body, in order. */
    static final class HubRequests implements ClientHttpRequestInterceptor {
        final List<String[]> sent = Collections.synchronizedList(new ArrayList<>());

        @Override
        public org.springframework.http.client.ClientHttpResponse intercept(org.springframework.http.HttpRequest request,
                byte[] body, org.springframework.http.client.ClientHttpRequestExecution execution) throws IOException {
            sent.add(new String[] { request.getMethod().name() + " " + request.getURI().getPath(),
                    new String(body, StandardCharsets.UTF_8) });
            return execution.execute(request, body);
        }

        List<String> since(int index) {
            synchronized (sent) {
                return sent.subList(index, sent.size()).stream().map(r -> r[0]).toList();
            }
        }
    }

    static class RecordHubRequests {
        @Bean
        HubRequests monthlyReportHubRequests() {
            return new HubRequests();
        }
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

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
    @Autowired
    MonthlyReports reports;
    @Autowired
    MonthlyReportSender sender;
    @Autowired
    MonthlyReportSchedule schedule;
    @Autowired
    HubRequests hubRequests;
    Http api;
    static final List<String> seeded = new ArrayList<>();

    @BeforeEach
    void setUp() {
        for (var s : List.of(List.of("nurse", Roles.NURSE), List.of("doctor", Roles.DOCTOR),
                List.of("pharmacist", Roles.PHARMACIST), List.of("manager", Roles.MANAGER))) {
            if (!staff.exists((String) s.get(0))) {
                staff.create((String) s.get(0), (Roles) s.get(1), PASSWORD, true);
            }
        }
        api = new Http(port);
        seed();
    }

    /**
     * January 2026: A (male, born 1980, statistics consent) on methadone 30 mg from 20 January, dosed that day with
     * 13 take-home days; B (female, born 2003, consent) enrolled only; C (male, born 1990) without the consent.
     */
    void seed() {
        if (!seeded.isEmpty()) {
            return;
        }
        at("2026-01-05");
        expect(api.post("pharmacist", "/api/v1/stock/receipts", """
                {"site":"main","medicine":"%s","amountMg":"100000","supplier":"Republican pharmacy","batch":"B-1"}
                """.formatted(Medicine.METHADONE_ORAL_10MG_ML.name())), 201);
        Client a = enrol(Sex.M, 1980, "A", true);
        Client b = enrol(Sex.F, 2003, "B", true);
        Client c = enrol(Sex.M, 1990, "C", false);
        at("2026-01-20");
        expect(api.post("doctor", "/api/v1/prescriptions", """
                {"clientId":"%s","medicine":"%s","dailyDoseMg":"30","takeHomeDays":13}
                """.formatted(a.id().value(), Medicine.METHADONE_ORAL_10MG_ML.name())), 201);
        expect(api.post("nurse", "/api/v1/dispensings", """
                {"clientId":"%s","doseMg":"30","observed":true,"takeHomeDays":13}""".formatted(a.id().value()),
                UUID.randomUUID().toString()), 201);
        for (Client client : List.of(a, b, c)) {
            seeded.add(client.id().value().toString());
            seeded.add(client.uic().value());
        }
    }

    @Test
    void aFrozenMonthHoldsAggregatesOnlyIsAuditedAndOwedToTheHubInTheSameTransaction() {
        YearMonth month = YearMonth.of(2026, 1);
        long before = publications();
        var frozen = reports.freeze(month);
        assertThat(frozen.version()).isEqualTo(1);
        MonthlyContribution report = reports.pending(frozen.id()).orElseThrow();
        assertThat(report.census()).hasToString("2026-01-31");
        assertThat(report.region()).isEqualTo("chui");
        assertThat(report.counted()).isEqualTo(2);
        assertThat(report.withoutConsent()).isEqualTo(1);
        assertThat(report.cells().stream().map(c -> c.key() + "=" + c.count())).containsExactly(
                "IND11_NUMERATOR/M/FROM_25/METHADONE=1",
                "IND11_DENOMINATOR/F/UNDER_25/=1",
                "IND11_DENOMINATOR/M/FROM_25/=1",
                // 20 to 31 January; A is in induction on the census date, so IND.14 counts no one
                "IND12_DAYS/M/FROM_25/METHADONE=12");
        // N: A, on treatment, has no duplicate-check consent (nor has anyone here): all of each measure
        assertThat(report.withoutCheck().stream().map(n -> n.measure() + "=" + n.count())).containsExactly(
                "IND11_NUMERATOR=1", "IND12_DAYS=12", "IND13_RETAINED=0", "IND14_NUMERATOR=0");
        assertThat(audited("report.monthly.freeze", "2026-01 v1")).isEqualTo(1);
        assertThat(publications()).as("the outbox entry, written with the freeze").isEqualTo(before + 1);
        String event = db.sql("SELECT serialized_event FROM event_publication WHERE listener_id = :l "
                + "AND serialized_event LIKE :id").param("l", MonthlyReportSender.LISTENER_ID)
                .param("id", "%" + frozen.id() + "%").query(String.class).single();
        assertThat(event).isEqualTo("{\"report\":\"" + frozen.id() + "\",\"month\":\"2026-01\",\"version\":1}");
        String stored = String.join("\n", db.sql("SELECT * FROM monthly_report_cell").query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append(' ');
            }
            return row.toString();
        }).list());
        for (String id : seeded) {
            assertThat(stored).doesNotContain(id);
        }
    }

    /**
     * The report carries the year's treatment demand to date: A (consent; treated before, heroin, injecting, referred
     * by a court) entered on 20 January, C (no consent) on 10 April, B on 2 May (after April's census: not yet).
     */
    @Test
    void aFrozenMonthCarriesTheYearsTreatmentDemandToDateAggregatesOnlyWithTheLeftOutCounted() {
        entry(seeded.get(0), "2026-01-20", "PREVIOUSLY", "COURT_PROBATION_POLICE");
        entry(seeded.get(4), "2026-04-10", "NEVER", "SELF");
        entry(seeded.get(2), "2026-05-02", "NEVER", "SELF");
        long audits = audited("report.treatment-demand", "2026 to 2026-04-30");
        var frozen = reports.freeze(YearMonth.of(2026, 4));
        TreatmentDemandPart tdi = reports.pending(frozen.id()).orElseThrow().tdi();
        assertThat(tdi.counted()).isEqualTo(1);
        assertThat(tdi.withoutConsent()).isEqualTo(1);
        assertThat(tdi.cells().stream().map(c -> c.dimension() + "/" + c.category() + "/" + c.status() + "="
                + c.count())).containsExactly("primaryDrug/HEROIN/AGAIN=1", "sex/M/AGAIN=1", "age/45-49/AGAIN=1",
                        "route/INJECT/AGAIN=1", "referralSource/COURT_PROBATION_POLICE/AGAIN=1", "everOst/YES/AGAIN=1");
        String sent = JSON.writeValueAsString(reports.pending(frozen.id()).orElseThrow().payload());
        assertThat(sent).contains("\"tdi\":{\"counted\":1,\"withoutConsent\":1,");
        for (String id : seeded) {
            assertThat(sent).doesNotContain(id);
        }
        assertThat(audited("report.treatment-demand", "2026 to 2026-04-30")).isEqualTo(audits + 1);
    }

    private void entry(String client, String on, String previous, String referral) {
        db.sql("""
                INSERT INTO treatment_entry (id, client_id, entered_on, treatment_centre, previous_treatment,
                    referral_source, primary_drug, route, frequency, age_first_use_answer, age_first_use,
                    ever_injected, ever_ost, recorded_at, recorded_by)
                VALUES (:id, :client, :on, 'OUTPATIENT', :previous, :referral, 'HEROIN', 'INJECT', 'DAILY',
                    'NOT_KNOWN', NULL, 'YES', 'YES', :at, 'doctor')
                """).param("id", UUID.randomUUID()).param("client", UUID.fromString(client))
                .param("on", java.time.LocalDate.parse(on)).param("previous", previous).param("referral", referral)
                .param("at", org.ishenim.web.Utc.of(Instant.parse(on + "T05:00:00Z"))).update();
    }

    @Test
    void theReportCarriesTheCohortsOfThreeNineAndTwelveMonthsEachAtItsOwnPoint() {
        // April 2026: the January cohort (A, from 20 January, covered to 2 February) at three months, observable on
        // 20 April and not retained; the cohorts of October 2025 (6 months), July 2025 (9) and April 2025 (12) are
        // empty, so they have no cells
        MonthlyContribution april = reports.contribution(YearMonth.of(2026, 4), 1, java.util.Optional.empty())
                .report();
        assertThat(april.cells().stream().filter(c -> c.measure().indicator().equals("IND13"))
                .map(c -> c.key() + "=" + c.count())).containsExactly(
                        "IND13_COHORT3/M/FROM_25/METHADONE=1",
                        "IND13_OBSERVABLE3/M/FROM_25/METHADONE=1",
                        "IND13_RETAINED3/M/FROM_25/METHADONE=0");
        // January 2027: the same cohort at twelve months
        MonthlyContribution january = reports.contribution(YearMonth.of(2027, 1), 1, java.util.Optional.empty())
                .report();
        assertThat(january.cells().stream().filter(c -> c.measure().indicator().equals("IND13"))
                .map(c -> c.key() + "=" + c.count())).containsExactly(
                        "IND13_COHORT12/M/FROM_25/METHADONE=1",
                        "IND13_OBSERVABLE12/M/FROM_25/METHADONE=1",
                        "IND13_RETAINED12/M/FROM_25/METHADONE=0");
    }

    @Test
    void aRolledBackFreezeLeavesNoReportAndNothingOwed() {
        long reportsBefore = db.sql("SELECT COUNT(*) FROM monthly_report").query(Long.class).single();
        long before = publications();
        tx.executeWithoutResult(s -> {
            reports.freeze(YearMonth.of(2025, 6));
            s.setRollbackOnly();
        });
        assertThat(db.sql("SELECT COUNT(*) FROM monthly_report").query(Long.class).single()).isEqualTo(reportsBefore);
        assertThat(publications()).isEqualTo(before);
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void theOutboxWaitsForTheHubThenAResentReportIsStoredOnceACorrectionReplacesItAndALowerVersionIsRefused()
            throws Exception {
        YearMonth month = YearMonth.of(2026, 2);
        var v1 = reports.freeze(month);

        // the hub is down: nothing confirmed, the report pending, its publication incomplete
        int sentBefore = hubRequests.sent.size();
        assertThat(sender.sendPending()).isZero();
        assertThat(hubRequests.sent.size()).as("the clinic tried").isGreaterThan(sentBefore);
        assertThat(status(v1.id())).isEqualTo("PENDING");
        assertThat(incomplete(v1.id())).isEqualTo(1);

        // the hub comes up: the next pass sends it and the hub's confirmation completes it
        startHub();
        assertThat(sender.sendPending()).isGreaterThanOrEqualTo(1);
        assertThat(status(v1.id())).isEqualTo("CONFIRMED");
        assertThat(incomplete(v1.id())).isZero();
        assertThat(audited("report.monthly.send", "2026-02 v1 confirmed")).isEqualTo(1);
        JdbcClient hubDb = hub.getBean(JdbcClient.class);
        assertThat(hubVersion(hubDb, month)).isEqualTo(1);
        long cells = hubCells(hubDb, month);

        // what the hub received: the report's fields and cells, nothing keyed by a client or a reference
        String body = lastBody(month);
        JsonNode json = JSON.readTree(body);
        assertThat(json.propertyNames()).containsExactlyInAnyOrder("version", "census", "region", "counted",
                "withoutConsent", "cells", "exclusions", "countedElsewhere", "bounds", "boundsBelowMinCell",
                "withoutDuplicateCheck", "tdi");
        // frozen while the hub was down: the counted-elsewhere list was unavailable, and the report says so
        assertThat(json.get("exclusions").stringValue()).isEqualTo("UNAVAILABLE");
        assertThat(json.get("countedElsewhere").intValue()).isZero();
        for (JsonNode cell : json.get("cells")) {
            assertThat(cell.propertyNames()).isSubsetOf("indicator", "measure", "sex", "age", "medicine", "count");
        }
        assertThat(body).doesNotContainIgnoringCase("reference").doesNotContainIgnoringCase("client")
                .doesNotContain("uic").doesNotContain(v1.id().toString()).doesNotContain("2026-01-20");
        for (String id : seeded) {
            assertThat(body).doesNotContain(id);
        }

        // the same report sent twice (a confirmation lost on the way): stored once
        var again = put(month, body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"receipt\":\"UNCHANGED\"");
        assertThat(hubDb.sql("SELECT COUNT(*) FROM hub_monthly_report WHERE report_month = :m")
                .param("m", month.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(hubCells(hubDb, month)).isEqualTo(cells);

        // a correction: version 2 replaces version 1 at the clinic and at the hub, never adds to it
        var v2 = reports.freeze(month);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(status(v1.id())).isEqualTo("REPLACED");
        assertThat(sender.sendPending()).isGreaterThanOrEqualTo(1);
        assertThat(status(v2.id())).isEqualTo("CONFIRMED");
        assertThat(hubVersion(hubDb, month)).isEqualTo(2);
        assertThat(hubCells(hubDb, month)).as("the cells of version 2 only").isEqualTo(cells);
        assertThat(JSON.readTree(lastBody(month)).get("exclusions").stringValue())
                .as("the hub was up at the freeze: its (empty) list applied").isEqualTo("APPLIED");

        // version 1 again (a clinic restored from an old backup): refused with a clear problem, nothing changed
        var lower = put(month, body);
        assertThat(lower.statusCode()).isEqualTo(409);
        assertThat(lower.body()).contains("urn:ishenim:problem:report-superseded").contains("\"storedVersion\":2");
        assertThat(hubVersion(hubDb, month)).isEqualTo(2);
        assertThat(MonthlyReportSender.finalRefusal(lower.body())).isTrue();

        // a replaced version still owed is never sent: v3 and v4 frozen while the hub is not asked; only v4 goes
        var v3 = reports.freeze(month);
        var v4 = reports.freeze(month);
        int before = hubRequests.sent.size();
        sender.sendPending();
        assertThat(hubRequests.since(before)).containsExactly("PUT /api/v1/hub/monthly-reports/2026-02");
        assertThat(status(v3.id())).isEqualTo("REPLACED");
        assertThat(incomplete(v3.id())).isZero();
        assertThat(status(v4.id())).isEqualTo("CONFIRMED");
        assertThat(hubVersion(hubDb, month)).isEqualTo(4);
    }

    @Test
    void theScheduleFreezesLastMonthOnceFromItsDay() {
        at("2026-05-01");
        assertThat(schedule.freezeDue()).as("before the freeze day (3)").isEmpty();
        at("2026-05-02T19:00:00Z"); // 3 May, 01:00 in Bishkek
        assertThat(schedule.freezeDue()).contains(YearMonth.of(2026, 4));
        assertThat(schedule.freezeDue()).as("idempotent").isEmpty();
        at("2026-05-20");
        assertThat(schedule.freezeDue()).isEmpty();
        assertThat(versions(YearMonth.of(2026, 4))).isEqualTo(1);
        assertThat(audited("report.monthly.freeze", "2026-04 v1", "system")).isEqualTo(1);
        at("2026-06-03");
        assertThat(schedule.freezeDue()).contains(YearMonth.of(2026, 5));
        assertThat(schedule.freezeDue()).isEmpty();
        assertThat(versions(YearMonth.of(2026, 5))).isEqualTo(1);
        assertThat(versions(YearMonth.of(2026, 4))).isEqualTo(1);
    }

    @Test
    void theManagerFreezesAndSendsFromThePageAndSeesEachVersionsStatus() throws Exception {
        at("2026-08-10");
        MvcResult posted = mvc.perform(post("/indicators/reports").param("reportMonth", "2026-07")
                .with(user("manager").roles("MANAGER")).with(csrf())).andReturn();
        assertThat(posted.getResponse().getStatus()).isEqualTo(302);
        assertThat(versions(YearMonth.of(2026, 7))).isEqualTo(1);
        mvc.perform(post("/indicators/reports").param("reportMonth", "2026-07")
                .with(user("manager").roles("MANAGER")).with(csrf())).andReturn();
        assertThat(versions(YearMonth.of(2026, 7))).isEqualTo(2);
        sender.awaitBackground();

        assertThat(mvc.perform(post("/indicators/reports").param("reportMonth", "2026-08")
                .with(user("manager").roles("MANAGER")).with(csrf())).andReturn().getFlashMap().get("formErrors"))
                .as("a month that has not ended").isNotNull();
        assertThat(versions(YearMonth.of(2026, 8))).isZero();
        assertThat(mvc.perform(post("/indicators/reports").param("reportMonth", "2026-07")
                .with(user("manager").roles("MANAGER"))).andReturn().getResponse().getStatus()).as("no CSRF token")
                .isEqualTo(403);
        assertThat(mvc.perform(post("/indicators/reports").param("reportMonth", "2026-07")
                .with(user("doctor").roles("DOCTOR")).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(versions(YearMonth.of(2026, 7))).isEqualTo(2);

        String en = page("/indicators?month=2026-07");
        assertThat(en).contains("Monthly reports to the hub").contains("id=\"report-2026-07-v2\"")
                .contains("Replaced by a later version").contains("Freeze and send");
        assertThat(page("/indicators?month=2026-07&lang=ru")).contains("Ежемесячные отчёты в хаб")
                .contains("Заменён более поздней версией");
        assertThat(page("/indicators?month=2026-07&lang=ky")).contains("Хабга айлык отчеттор")
                .contains("Кийинки версия менен алмаштырылды");
    }

    // --- helpers

    void startHub() throws Exception {
        hub = new SpringApplicationBuilder(IshenimApplication.class).profiles("test")
                .run("--ishenim.role=hub", "--server.port=" + hubPort);
        hub.getBean(StaffAccounts.class).create("hubadmin", Roles.ADMIN, HUB_ADMIN_PASSWORD, true);
        var registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + hubPort + "/api/v1/hub/sites"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("hubadmin:" + HUB_ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"clinic-a\",\"name\":\"Clinic A\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(201);
        Files.writeString(tokenFile, JSON.readTree(registered.body()).get("token").stringValue());
    }

    HttpResponse<String> put(YearMonth month, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + hubPort + "/api/v1/hub/monthly-reports/" + month))
                .header("Authorization", "Bearer " + Files.readString(tokenFile).strip())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String lastBody(YearMonth month) {
        synchronized (hubRequests.sent) {
            for (int i = hubRequests.sent.size() - 1; i >= 0; i--) {
                if (hubRequests.sent.get(i)[0].equals("PUT /api/v1/hub/monthly-reports/" + month)) {
                    return hubRequests.sent.get(i)[1];
                }
            }
        }
        throw new AssertionError("nothing sent for " + month);
    }

    static long hubVersion(JdbcClient hubDb, YearMonth month) {
        return hubDb.sql("SELECT version FROM hub_monthly_report WHERE report_month = :m")
                .param("m", month.toString()).query(Long.class).single();
    }

    static long hubCells(JdbcClient hubDb, YearMonth month) {
        return hubDb.sql("SELECT COUNT(*) FROM hub_monthly_report_cell WHERE report_month = :m")
                .param("m", month.toString()).query(Long.class).single();
    }

    String status(UUID report) {
        return db.sql("SELECT status FROM monthly_report WHERE id = :id").param("id", report).query(String.class)
                .single();
    }

    long versions(YearMonth month) {
        return db.sql("SELECT COUNT(*) FROM monthly_report WHERE report_month = :m").param("m", month.toString())
                .query(Long.class).single();
    }

    long publications() {
        return db.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id = :l")
                .param("l", MonthlyReportSender.LISTENER_ID).query(Long.class).single();
    }

    long incomplete(UUID report) {
        return db.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id = :l AND completion_date IS NULL "
                + "AND serialized_event LIKE :id").param("l", MonthlyReportSender.LISTENER_ID)
                .param("id", "%" + report + "%").query(Long.class).single();
    }

    long audited(String action, String purpose) {
        return audited(action, purpose, null);
    }

    long audited(String action, String purpose, String actor) {
        return db.sql("""
                SELECT (SELECT COUNT(*) FROM audit_entry WHERE action = :action AND purpose = :p
                                                          AND (:a = '' OR actor = :a))
                     + (SELECT COUNT(*) FROM audit_pending WHERE action = :action AND purpose = :p
                                                          AND (:a = '' OR actor = :a))
                """).param("action", action).param("p", purpose).param("a", actor == null ? "" : actor)
                .query(Long.class).single();
    }

    String page(String path) throws Exception {
        MvcResult r = mvc.perform(get(path).with(user("manager").roles("MANAGER"))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(200);
        return r.getResponse().getContentAsString();
    }

    private Client enrol(Sex sex, int birthYear, String alias, boolean statistics) {
        Set<Purpose> consents = statistics ? Set.of(Purpose.TREATMENT, Purpose.STATISTICS) : Set.of(Purpose.TREATMENT);
        return clients.enrol(new Enrolment(sex, birthYear, "Aigul", "Bakyt", "reports " + alias, null, false,
                consents));
    }

    private void at(String day) {
        clock.set(Instant.parse(day.contains("T") ? day : day + "T04:00:00Z"));
    }

    private static Http.Response expect(Http.Response reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply;
    }
}
