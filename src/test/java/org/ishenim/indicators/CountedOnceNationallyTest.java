package org.ishenim.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.ishenim.IshenimApplication;
import org.ishenim.duplicates.DuplicateCheckDriver;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two clinics and one hub, each a full application on its own port and database (docs/indicators.md, "Counting each
 * client once nationally"). Three people are enrolled at both clinics, with the duplicate-check and statistics
 * consents; A uploaded them first, so B (the most recent upload) counts them. Each clinic freezes the month's report
 * after fetching its "counted elsewhere" list: the sum of the two contributions counts each person once, A's report
 * says how many it left out with its bound figures, and no request the hub received ties an age, sex, dose or date to
 * a reference.
 */
class CountedOnceNationallyTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NURSE_PASSWORD = "nurse-password-1";
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final String ANALYST_PASSWORD = "analyst-password-1";
    static final int MIN_CELL = 3;

    /** Every request a clinic sent the hub: method, URI and body. */
    record Sent(String clinic, String method, String uri, String body) {
        String all() {
            return method + " " + uri + "\n" + body;
        }
    }

    static final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    static final List<String> clientIds = new ArrayList<>();
    static Path dir;
    static int hubPort;
    static ConfigurableApplicationContext hub;
    static ConfigurableApplicationContext clinicA;
    static ConfigurableApplicationContext clinicB;
    static int people;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ishenim-national");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Files.writeString(dir.resolve("linkage.secret"), "clinic-network-secret-" + HexFormat.of().formatHex(random));
        try (ServerSocket socket = new ServerSocket(0)) {
            hubPort = socket.getLocalPort();
        }
        hub = new SpringApplicationBuilder(IshenimApplication.class).profiles("test")
                .run("--ishenim.role=hub", "--server.port=" + hubPort);
        hub.getBean(StaffAccounts.class).create("hubadmin", Roles.ADMIN, ADMIN_PASSWORD, true);
        Files.writeString(dir.resolve("a.token"), registerSite("site-a"));
        Files.writeString(dir.resolve("b.token"), registerSite("site-b"));
        clinicA = startClinic("A", "chui");
        clinicB = startClinic("B", "osh");
    }

    @AfterAll
    static void stop() {
        for (var context : new ConfigurableApplicationContext[] {clinicA, clinicB, hub}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void aClientAtTwoClinicsIsCountedOnceAndTheHubLearnsNothingAboutAReference() throws Exception {
        java.time.Instant started = java.time.Instant.now();
        // A: three people who will also attend B, and twelve of its own; all with both consents
        List<UUID> sharedAtA = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String person = person();
            shared.add(person);
            sharedAtA.add(enrol(clinicA, person));
        }
        for (int i = 0; i < 12; i++) {
            enrol(clinicA, person());
        }
        assertThat(DuplicateCheckDriver.sendNow(clinicA)).isEqualTo(15);
        // B: the same three (uploaded after A's: B counts them), and two of its own
        List<UUID> sharedAtB = new ArrayList<>();
        for (String person : shared) {
            sharedAtB.add(enrol(clinicB, person));
        }
        enrol(clinicB, person());
        enrol(clinicB, person());
        assertThat(DuplicateCheckDriver.sendNow(clinicB)).isEqualTo(5);

        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        MonthlyReports.Version a = clinicA.getBean(MonthlyReports.class).freeze(month);
        MonthlyReports.Version b = clinicB.getBean(MonthlyReports.class).freeze(month);
        assertThat(clinicA.getBean(MonthlyReportSender.class).sendPending()).isEqualTo(1);
        assertThat(clinicB.getBean(MonthlyReportSender.class).sendPending()).isEqualTo(1);

        // A applied the hub's list: its three shared clients are left out, with their bound figures
        JdbcClient dbA = JdbcClient.create(clinicA.getBean(DataSource.class));
        assertThat(dbA.sql("SELECT reference FROM monthly_report_exclusion WHERE report_id = :id AND fate = 'LEFT_OUT'")
                .param("id", a.id()).query(String.class).list()).containsExactlyInAnyOrderElementsOf(
                        sharedAtA.stream().map(id -> DuplicateCheckDriver.reference(clinicA, id)).toList());

        JdbcClient hubDb = JdbcClient.create(hub.getBean(DataSource.class));
        List<String> received = hubDb.sql("""
                SELECT site_code, counted, exclusions, counted_elsewhere, bounds_below_min_cell FROM hub_monthly_report
                WHERE report_month = :m ORDER BY site_code
                """).param("m", month.toString()).query((rs, n) -> rs.getString(1) + " counted " + rs.getInt(2) + " "
                        + rs.getString(3) + " elsewhere " + rs.getInt(4) + " below " + rs.getBoolean(5)).list();
        assertThat(received).containsExactly("site-a counted 12 APPLIED elsewhere 3 below false",
                "site-b counted 5 APPLIED elsewhere 0 below false");
        // seventeen people, each counted once: in the sum of the contributions and of IND.11's service denominator
        assertThat(hubDb.sql("SELECT SUM(counted) FROM hub_monthly_report WHERE report_month = :m")
                .param("m", month.toString()).query(Long.class).single()).isEqualTo(17);
        assertThat(hubDb.sql("""
                SELECT SUM(cell_count) FROM hub_monthly_report_cell
                WHERE report_month = :m AND indicator = 'IND11' AND measure = 'DENOMINATOR'
                """).param("m", month.toString()).query(Long.class).single()).isEqualTo(17);
        assertThat(hubDb.sql("""
                SELECT indicator || '/' || measure || '=' || bound_count FROM hub_monthly_report_bound
                WHERE report_month = :m AND site_code = 'site-a' ORDER BY indicator, measure
                """).param("m", month.toString()).query(String.class).list()).as("nobody is on treatment yet")
                .containsExactly("IND11/NUMERATOR=0", "IND12/DAYS=0", "IND13/RETAINED=0", "IND14/NUMERATOR=0");
        assertThat(b.version()).isEqualTo(1);

        // the range's terms at the hub: N from each report (nobody on treatment yet: 0 in every measure), and rho
        // and K from the hub's last cluster count, the one B's counted-elsewhere list was made from: 20 references
        // in 17 clusters, 3 of them across the two clinics
        assertThat(hubDb.sql("""
                SELECT site_code || ' ' || indicator || '/' || measure || '=' || without_check_count
                FROM hub_monthly_report_without_check WHERE report_month = :m ORDER BY site_code, indicator, measure
                """).param("m", month.toString()).query(String.class).list()).containsExactly(
                        "site-a IND11/NUMERATOR=0", "site-a IND12/DAYS=0", "site-a IND13/RETAINED=0",
                        "site-a IND14/NUMERATOR=0", "site-b IND11/NUMERATOR=0", "site-b IND12/DAYS=0",
                        "site-b IND13/RETAINED=0", "site-b IND14/NUMERATOR=0");
        NationalIndicators.Result national = hub.getBean(NationalIndicators.class).of(month);
        var terms = national.rangeTerms();
        assertThat(terms.deduplicated()).contains(0L);
        assertThat(terms.countedElsewhereBound()).isZero();
        assertThat(terms.withoutCheck()).isZero();
        assertThat(terms.sitesWithoutN()).isZero();
        var clusters = terms.clusters().orElseThrow();
        assertThat(List.of(clusters.references(), clusters.clusters(), clusters.multiSiteClusters()))
                .containsExactly(20, 17, 3);
        assertThat(clusters.countedAt()).isBetween(started, java.time.Instant.now());
        var range = national.coverageRange().orElseThrow();
        assertThat(range.overlapRate()).isEqualTo(0.15);
        // low 0 − 0.016·3 (never below 0), point 0, high 0 + 0.010·3 rounded up
        assertThat(List.of(range.low(), range.point(), range.high())).containsExactly(0L, 0L, 1L);
        // the page's notes give each term, in three languages
        hub.getBean(StaffAccounts.class).create("analyst", Roles.ANALYST, ANALYST_PASSWORD, true);
        var analyst = new Http(hubPort).signIn("analyst", ANALYST_PASSWORD);
        String path = "/national-indicators?month=" + month + "&lang=";
        assertThat(analyst.get(path + "en").body()).contains("U = 0: clients on treatment counted once")
                .contains("N = 0: clients on treatment without the duplicate-check consent")
                .contains("ρ = 15.0%").contains("20 references in 17 clusters").contains("K = 3: clusters")
                .doesNotContain("has not counted").doesNotContain("Reports of");
        assertThat(analyst.get(path + "ru").body()).contains("ρ = 15.0%").contains("среди 20 ссылок хаба в 17 кластерах")
                .contains("K = 3: кластеры");
        assertThat(analyst.get(path + "ky").body()).contains("ρ = 15.0%").contains("17 кластердеги 20 шилтемесинин")
                .contains("K = 3: эки же андан көп");

        // every request the hub received: a reference never travels with an age, sex, dose or date, and a report
        // never with a reference or a client
        List<String> references = new ArrayList<>();
        for (var context : List.of(clinicA, clinicB)) {
            references.addAll(JdbcClient.create(context.getBean(DataSource.class))
                    .sql("SELECT reference FROM duplicate_check").query(String.class).list());
        }
        assertThat(references).hasSize(20);
        Pattern date = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");
        Pattern attribute = Pattern.compile("(?i)sex|age|birth|dose|census|\"count\"|month|date|region");
        assertThat(sent.stream().map(Sent::uri)).anyMatch(u -> u.endsWith("/api/v1/hub/counted-elsewhere"))
                .anyMatch(u -> u.contains("/api/v1/hub/monthly-reports/"));
        for (Sent s : sent) {
            boolean namesReference = references.stream().anyMatch(r -> s.all().contains(r));
            if (namesReference) {
                // an encoding and a reference, nothing else: every field name, and every value but the encoding
                assertThat(s.uri()).doesNotContainPattern(date).doesNotContainPattern(attribute);
                List<String> fields = new ArrayList<>();
                List<String> values = new ArrayList<>();
                if (!s.body().isEmpty()) {
                    walk(JSON.readTree(s.body()), null, fields, values);
                }
                assertThat(fields).as(s.method() + " " + s.uri()).isSubsetOf("clk", "reference", "encodings");
                assertThat(values).as(s.method() + " " + s.uri()).allSatisfy(v -> assertThat(references).contains(v));
            }
            if (s.uri().contains("/monthly-reports/")) {
                assertThat(namesReference).as("a report names no reference").isFalse();
                for (String id : clientIds) {
                    assertThat(s.all()).doesNotContain(id);
                }
                assertThat(s.all()).doesNotContainIgnoringCase("reference").doesNotContainIgnoringCase("client");
            }
            if (s.uri().endsWith("/counted-elsewhere")) {
                assertThat(s.method()).isEqualTo("GET");
                assertThat(s.body()).isEmpty();
            }
        }
    }

    /** Collects every field name, and every value except the encodings' ({@code clk}). */
    static void walk(JsonNode node, String name, List<String> fields, List<String> values) {
        if (node.isObject()) {
            for (String field : node.propertyNames()) {
                fields.add(field);
                walk(node.get(field), field, fields, values);
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, name, fields, values));
        } else if (!"clk".equals(name)) {
            values.add(node.asString());
        }
    }

    // --- the three applications

    static ConfigurableApplicationContext startClinic(String name, String region) {
        ClientHttpRequestInterceptor capture = (request, body, execution) -> {
            sent.add(new Sent(name, request.getMethod().name(), request.getURI().toString(),
                    new String(body, StandardCharsets.UTF_8)));
            return execution.execute(request, body);
        };
        return new SpringApplicationBuilder(IshenimApplication.class).profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("captureHubRequests", capture))
                .run("--ishenim.role=clinic", "--server.port=0", "--ishenim.hub.url=http://localhost:" + hubPort,
                        "--ishenim.hub.token-file=" + dir.resolve(name.toLowerCase() + ".token"),
                        "--ishenim.linkage.secret-file=" + dir.resolve("linkage.secret"),
                        "--ishenim.duplicates.send-interval=PT1H", "--ishenim.duplicates.send-after-commit=false",
                        "--ishenim.indicators.report-send-after-commit=false",
                        "--ishenim.indicators.report-send-interval=PT1H",
                        "--ishenim.indicators.region=" + region, "--ishenim.indicators.min-cell=" + MIN_CELL);
    }

    static String registerSite(String code) throws Exception {
        var response = call(hub, "POST", "/api/v1/hub/sites", Http.json("code", code, "name", code), "hubadmin",
                ADMIN_PASSWORD);
        assertThat(response.status()).isEqualTo(201);
        return JSON.readTree(response.body()).get("token").stringValue();
    }

    /** A distinct person: given name, surname, date of birth and sex, separated by '|'. */
    static String person() {
        people++;
        String[] given = {"Айбек", "Гүлнара", "Нурлан", "Жылдыз", "Бакыт", "Асель", "Тимур", "Айгерим", "Эрлан"};
        String[] surnames = {"Токтогулов", "Осмонова", "Асанов", "Бекова", "Маматов", "Сыдыкова"};
        return given[people % given.length] + "|" + surnames[(people * 5) % surnames.length] + people + "|"
                + (1960 + people) + "-0" + (1 + people % 9) + "-1" + (people % 10) + "|" + (people % 2 == 0 ? "F" : "M");
    }

    static UUID enrol(ConfigurableApplicationContext clinic, String person) throws Exception {
        StaffAccounts staff = clinic.getBean(StaffAccounts.class);
        if (!staff.exists("nurse")) {
            staff.create("nurse", Roles.NURSE, NURSE_PASSWORD, true);
        }
        String[] p = person.split("\\|");
        String body = """
                {"sex":"%s","birthYear":%s,"motherFirstName":"Айгуль","fatherFirstName":"Бакыт","alias":"%s",
                 "givenName":"%s","surname":"%s","dateOfBirth":"%s","identityConsent":true,
                 "consents":["TREATMENT","DUPLICATE_CHECK","STATISTICS"]}
                """.formatted(p[3], p[2].substring(0, 4), "client-" + UUID.randomUUID(), p[0], p[1], p[2]);
        var response = call(clinic, "POST", "/api/v1/clients", body, "nurse", NURSE_PASSWORD);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(response.body());
        clientIds.add(created.get("id").stringValue());
        clientIds.add(created.get("uic").stringValue());
        return UUID.fromString(created.get("id").stringValue());
    }

    static Http.Response call(ConfigurableApplicationContext app, String method, String path, String body,
            String user, String password) {
        return new Http(((WebServerApplicationContext) app).getWebServer().getPort())
                .send(user + ":" + password, method, path, body, null);
    }
}
