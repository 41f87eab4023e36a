package org.ishenim.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.ishenim.IshenimApplication;
import org.ishenim.clients.ClientId;
import org.ishenim.linkage.EncodingConfiguration;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two clinics and one hub in one JVM, each a full application on its own port and database. The same person is
 * enrolled at clinic A in Cyrillic and at clinic B in Latin; B's nurse sees "possible duplicate at site A".
 * Consent gates every upload, revocation and erasure remove the encoding, an unreachable hub delays the check
 * without blocking enrolment, and the clinics' secret appears in no request, no hub table and no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClinicToHubFlowTest {

    static final JsonMapper json = JsonMapper.builder().build();
    static final String NURSE_PASSWORD = "nurse-password-1";
    static final String DOCTOR_PASSWORD = "doctor-password-1";
    static final String ADMIN_PASSWORD = "admin-password-1";

    /** Every request a clinic sends to the hub: method, URI, headers and body. */
    record Sent(String clinic, String method, String uri, String headers, String body) {
        String all() {
            return method + " " + uri + "\n" + headers + "\n" + body;
        }
    }

    static final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    static final StringBuilder logs = new StringBuilder();
    static final List<String> names = new ArrayList<>();
    static final List<String> clientIds = new ArrayList<>();

    static Path dir;
    static String secret;
    static int hubPort;
    static ConfigurableApplicationContext hub;
    static ConfigurableApplicationContext clinicA;
    static ConfigurableApplicationContext clinicB;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ishenim-flow");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        secret = "clinic-network-secret-" + HexFormat.of().formatHex(random);
        Files.writeString(dir.resolve("linkage.secret"), secret + "\n");
        try (ServerSocket socket = new ServerSocket(0)) {
            hubPort = socket.getLocalPort();
        }
        hub = startHub();
        hub.getBean(StaffAccounts.class).create("hubadmin", Roles.ADMIN, ADMIN_PASSWORD, true);
        Files.writeString(dir.resolve("a.token"), registerSite("site-a", "Clinic A, Bishkek"));
        Files.writeString(dir.resolve("b.token"), registerSite("site-b", "Clinic B, Osh"));
        clinicA = startClinic("A");
        clinicB = startClinic("B");
    }

    @AfterAll
    static void stop() {
        for (var context : new ConfigurableApplicationContext[] {clinicA, clinicB, hub}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @AfterEach
    void collectLogs(CapturedOutput output) {
        synchronized (logs) {
            logs.setLength(0);
            logs.append(output.getAll());
        }
    }

    @Test
    @Order(1)
    void theSamePersonInCyrillicAtAAndInLatinAtBIsAPossibleDuplicateForBsNurse() throws Exception {
        UUID atA = enrol(clinicA, "Айбек", "Токтогулов", "1985-03-14", "M", true);
        assertThat(state(clinicA, atA)).isEqualTo("PENDING");
        assertThat(sender(clinicA).sendNow()).isEqualTo(1);
        assertThat(state(clinicA, atA)).isEqualTo("CLEAR");

        UUID atB = enrol(clinicB, "Aibek", "Toktogulov", "1985-03-14", "M", true);
        sender(clinicB).sendNow();
        JsonNode check = status(clinicB, atB);
        assertThat(check.get("state").stringValue()).isEqualTo("FOUND");
        assertThat(check.get("candidates")).hasSize(1);
        JsonNode candidate = check.get("candidates").get(0);
        assertThat(candidate.get("site").stringValue()).isEqualTo("site-a");
        assertThat(candidate.get("reference").stringValue()).isEqualTo(reference(clinicA, atA));
        assertThat(candidate.get("sameSite").booleanValue()).isFalse();

        // The nurse at B sees it on the page, in Russian, with no name.
        String page = page(clinicB, "/duplicates?lang=ru");
        assertThat(page).contains("Возможный дубликат на площадке site-a (номер " + reference(clinicA, atA) + ")")
                .doesNotContain("Aibek").doesNotContain("Toktogulov").doesNotContain("Айбек");
        // And A's nurse, called about that reference, finds her client.
        assertThat(location(clinicA, "/duplicates/lookup?reference=" + reference(clinicA, atA))).endsWith("/clients/" + atA);

        // What the hub was sent: a random reference and an encoding, never the client id.
        assertThat(sent).isNotEmpty().allSatisfy(s -> assertThat(s.all()).doesNotContain(atA.toString())
                .doesNotContain(atB.toString()).doesNotContainIgnoringCase("aibek").doesNotContain("Айбек"));
    }

    @Test
    @Order(2)
    void nothingLeavesWithoutTheConsentAndRevocationOrErasureRemovesTheEncoding() throws Exception {
        int before = sent.size();
        UUID atA = enrol(clinicA, "Гүлнара", "Осмонова", "1990-11-02", "F", false);
        sender(clinicA).sendNow();
        assertThat(state(clinicA, atA)).isEqualTo("NO_CONSENT");
        assertThat(sent).hasSize(before);

        giveConsent(clinicA, atA);
        assertThat(state(clinicA, atA)).isEqualTo("PENDING");
        sender(clinicA).sendNow();
        assertThat(state(clinicA, atA)).isEqualTo("CLEAR");

        UUID atB = enrol(clinicB, "Gulnara", "Osmonova", "1990-11-02", "F", true);
        sender(clinicB).sendNow();
        assertThat(status(clinicB, atB).get("candidates").get(0).get("site").stringValue()).isEqualTo("site-a");

        // A's client withdraws the consent: A deletes her encoding on the hub; B checks again and finds nothing.
        call(clinicA, "DELETE", "/api/v1/clients/" + atA + "/consents/DUPLICATE_CHECK", null, "nurse", NURSE_PASSWORD);
        sender(clinicA).sendNow();
        assertThat(sent.get(sent.size() - 1).method()).isEqualTo("DELETE");
        assertThat(sent.get(sent.size() - 1).uri()).endsWith("/api/v1/hub/encodings/" + reference(clinicA, atA));
        assertThat(state(clinicA, atA)).isEqualTo("NO_CONSENT");
        call(clinicB, "POST", "/api/v1/clients/" + atB + "/duplicate-check", null, "nurse", NURSE_PASSWORD);
        sender(clinicB).sendNow();
        assertThat(state(clinicB, atB)).isEqualTo("CLEAR");

        // B erases the identity on exit: its encoding leaves the hub too.
        assertThat(hubEncodings("site-b", reference(clinicB, atB))).isEqualTo(1);
        call(clinicB, "POST", "/api/v1/clients/" + atB + "/erasure", "{\"reason\":\"exit\"}", "doctor", DOCTOR_PASSWORD);
        sender(clinicB).sendNow();
        assertThat(hubEncodings("site-b", reference(clinicB, atB))).isZero();
        assertThat(state(clinicB, atB)).isEqualTo("WITHDRAWN");
    }

    @Test
    @Order(3)
    void anUnreachableHubDelaysTheCheckButNotTheEnrolment() throws Exception {
        UUID atA = enrol(clinicA, "Нурлан", "Асанов", "1978-07-30", "M", true);
        sender(clinicA).sendNow();
        assertThat(state(clinicA, atA)).isEqualTo("CLEAR");

        hub.close();
        UUID atB = enrol(clinicB, "Nurlan", "Asanov", "1978-07-30", "M", true);
        assertThat(sender(clinicB).sendNow()).isZero();
        JsonNode waiting = status(clinicB, atB);
        assertThat(waiting.get("state").stringValue()).isEqualTo("PENDING");
        assertThat(waiting.get("attempts").intValue()).isEqualTo(1);
        assertThat(page(clinicB, "/duplicates?lang=en")).contains("The hub could not be reached (1 attempts)");
        assertThat(sender(clinicB).sendDue()).as("backing off").isZero();

        hub = startHub();
        assertThat(sender(clinicB).sendDue()).as("still backing off").isZero();
        assertThat(sender(clinicB).sendNow()).isEqualTo(1);
        JsonNode found = status(clinicB, atB);
        assertThat(found.get("state").stringValue()).isEqualTo("FOUND");
        assertThat(found.get("candidates").get(0).get("reference").stringValue()).isEqualTo(reference(clinicA, atA));
        assertThat(found.get("attempts").intValue()).isZero();
    }

    @Test
    @Order(4)
    void theSecretNeverLeavesTheClinic() {
        List<String> forms = List.of(secret, Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
                HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)), secret.substring(22));

        assertThat(sent).hasSizeGreaterThan(8);
        assertThat(sent.stream().map(Sent::all).filter(s -> s.contains("\"clk\""))).isNotEmpty();
        for (Sent s : sent) {
            for (String form : forms) {
                assertThat(s.all()).doesNotContainIgnoringCase(form);
            }
            for (String name : names) {
                assertThat(s.all()).doesNotContainIgnoringCase(name);
            }
            for (String id : clientIds) {
                assertThat(s.all()).doesNotContain(id);
            }
        }

        String tables = String.join("\n", JdbcClient.create(hub.getBean(DataSource.class)).sql("SCRIPT")
                .query((rs, n) -> rs.getString(1)).list());
        assertThat(tables).contains("hub_encoding").contains("site-a");
        for (String form : forms) {
            assertThat(tables).doesNotContainIgnoringCase(form);
        }
        for (String name : names) {
            assertThat(tables).doesNotContainIgnoringCase(name);
        }

        String log;
        synchronized (logs) {
            log = logs.toString();
        }
        assertThat(log).contains("Hub index loaded").contains("Duplicate check deferred");
        for (String form : forms) {
            assertThat(log).doesNotContainIgnoringCase(form);
        }
    }

    @Test
    @Order(5)
    void theLatestWishWinsWhenTheHubHearsOfThemTogether() throws Exception {
        UUID atA = enrol(clinicA, "Жылдыз", "Бекова", "1992-05-21", "F", true);
        sender(clinicA).sendNow();
        assertThat(state(clinicA, atA)).isEqualTo("CLEAR");
        String reference = reference(clinicA, atA);
        assertThat(hubEncodings("site-a", reference)).isEqualTo(1);

        // revoked and given again before the clinic could tell the hub: the hub keeps (a fresh) encoding
        int before = sent.size();
        call(clinicA, "DELETE", "/api/v1/clients/" + atA + "/consents/DUPLICATE_CHECK", null, "nurse", NURSE_PASSWORD);
        giveConsent(clinicA, atA);
        assertThat(state(clinicA, atA)).isEqualTo("PENDING");
        sender(clinicA).sendNow();
        assertThat(state(clinicA, atA)).isEqualTo("CLEAR");
        assertThat(hubEncodings("site-a", reference)).isEqualTo(1);
        List<Sent> since = List.copyOf(sent.subList(before, sent.size()));
        assertThat(since).extracting(Sent::method).doesNotContain("DELETE").contains("PUT");
        assertThat(since).allSatisfy(s -> assertThat(s.all()).doesNotContain("Жылдыз").doesNotContain(atA.toString()));
    }

    @Test
    @Order(6)
    void aClinicThatWasOfflineCatchesUpWhenItStartsAgain() throws Exception {
        Files.writeString(dir.resolve("c.token"), registerSite("site-c", "Clinic C, Naryn"));
        String database = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("clinic-c")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        String dataDir = "--ishenim.data-dir=" + dir.resolve("clinic-c-data");
        UUID atC;
        try (var offline = startClinic("C", database, dataDir, "--ishenim.duplicates.send-after-commit=false")) {
            atC = enrol(offline, "Nurlan", "Asanov", "1978-07-30", "M", true);
            assertThat(state(offline, atC)).isEqualTo("PENDING");
        }
        // The publication outlives the run: at start-up the clinic sends it, without anyone asking.
        try (var restarted = startClinic("C", database, dataDir, "--ishenim.duplicates.send-after-commit=true")) {
            sender(restarted).awaitBackground();
            JsonNode found = status(restarted, atC);
            assertThat(found.get("state").stringValue()).isEqualTo("FOUND");
            assertThat(found.get("candidates").get(0).get("site").stringValue()).isEqualTo("site-a");
            assertThat(restarted.getBean(DuplicateChecks.class).queued(new ClientId(atC))).isEmpty();

            // as in production: a new enrolment is sent right after it commits, in the background
            UUID next = enrol(restarted, "Жылдыз", "Бекова", "1992-05-21", "F", true);
            sender(restarted).awaitBackground();
            assertThat(status(restarted, next).get("candidates").get(0).get("site").stringValue()).isEqualTo("site-a");
            assertThat(JdbcClient.create(restarted.getBean(DataSource.class))
                    .sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single())
                    .as("every publication completed, and a completed one is deleted").isZero();
        }
    }

    @Test
    @Order(7)
    void aHubOfAnotherEncodingConfigurationRefusesStoresNothingAndTheClinicSaysWhyInThreeLanguages()
            throws Exception {
        // the hub is switched first (docs/hub.md, "Switching the encoding"); the clinics still send the default
        hub.close();
        hub = startHub("--ishenim.linkage.encoding=plain");
        // the encodings of the previous configuration cannot be compared with new ones: the hub removed them
        assertThat(JdbcClient.create(hub.getBean(DataSource.class)).sql("SELECT COUNT(*) FROM hub_encoding")
                .query(Long.class).single()).isZero();
        UUID atB = enrol(clinicB, "Жылдыз", "Маматова", "1993-05-21", "F", true);
        int before = sent.size();

        assertThat(sender(clinicB).sendNow()).isZero();

        assertThat(sent.get(before).headers()).contains("Ishenim-Encoding")
                .contains(EncodingConfiguration.DEFAULT.id());
        assertThat(state(clinicB, atB)).isEqualTo("PENDING");
        assertThat(hubEncodings("site-b", reference(clinicB, atB))).isZero();
        String fingerprint = clinicB.getBean(ClinicEncoder.class).configuration().fingerprint();
        assertThat(page(clinicB, "/duplicates?lang=en")).contains("The hub refuses the encodings of this clinic")
                .contains("configuration plain").contains("sends " + EncodingConfiguration.DEFAULT.id())
                .contains(fingerprint).doesNotContain("Маматова");
        assertThat(page(clinicB, "/duplicates?lang=ru")).contains("Хаб не принимает кодировки этой клиники")
                .contains("конфигурацию кодирования plain");
        assertThat(page(clinicB, "/duplicates?lang=ky")).contains("Хаб бул клиниканын коддорун кабыл албайт");
        assertThat(page(clinicB, "/duplicates/clients/" + atB + "?lang=en"))
                .contains("The hub refuses the encodings of this clinic");

        // the hub is set back to the clinics' configuration: the waiting check goes through and the message goes
        hub.close();
        hub = startHub();
        assertThat(sender(clinicB).sendNow()).isEqualTo(1);
        assertThat(state(clinicB, atB)).isEqualTo("CLEAR");
        assertThat(hubEncodings("site-b", reference(clinicB, atB))).isEqualTo(1);
        assertThat(page(clinicB, "/duplicates?lang=en")).doesNotContain("The hub refuses");
    }

    // --- the three applications -----------------------------------------------------------------------------

    static ConfigurableApplicationContext startHub(String... extra) {
        List<String> args = new ArrayList<>(List.of("--ishenim.role=hub", "--server.port=" + hubPort,
                // a restart keeps its master key: the stored encodings are encrypted with it
                "--ishenim.data-dir=" + dir.resolve("hub-data"),
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("hub")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--logging.level.org.ishenim=DEBUG"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(IshenimApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    static ConfigurableApplicationContext startClinic(String name, String... more) {
        ClientHttpRequestInterceptor capture = (request, body, execution) -> {
            sent.add(new Sent(name, request.getMethod().name(), request.getURI().toString(),
                    request.getHeaders().toString(), new String(body, StandardCharsets.UTF_8)));
            return execution.execute(request, body);
        };
        List<String> args = new ArrayList<>(List.of("--ishenim.role=clinic", "--server.port=0",
                "--ishenim.hub.url=http://localhost:" + hubPort,
                "--ishenim.hub.token-file=" + dir.resolve(name.toLowerCase() + ".token"),
                "--ishenim.linkage.secret-file=" + dir.resolve("linkage.secret"),
                "--ishenim.duplicates.send-interval=PT1H", "--ishenim.duplicates.send-after-commit=false",
                "--logging.level.org.ishenim=DEBUG", "--logging.level.org.springframework.web=DEBUG"));
        for (String arg : more) { // replaces a default of the same name (a repeated option would read "a,b")
            args.removeIf(a -> a.startsWith(arg.substring(0, arg.indexOf('=') + 1)));
            args.add(arg);
        }
        return new SpringApplicationBuilder(IshenimApplication.class).profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("captureHubRequests", capture))
                .run(args.toArray(String[]::new));
    }

    static String registerSite(String code, String name) throws Exception {
        var response = call(hub, "POST", "/api/v1/hub/sites", Http.json("code", code, "name", name), "hubadmin",
                ADMIN_PASSWORD);
        assertThat(response.status()).isEqualTo(201);
        return json.readTree(response.body()).get("token").stringValue();
    }

    static DuplicateCheckSender sender(ConfigurableApplicationContext clinic) {
        return clinic.getBean(DuplicateCheckSender.class);
    }

    static String reference(ConfigurableApplicationContext clinic, UUID client) {
        return clinic.getBean(DuplicateChecks.class).find(new ClientId(client)).orElseThrow().reference();
    }

    static long hubEncodings(String site, String reference) {
        return JdbcClient.create(hub.getBean(DataSource.class))
                .sql("SELECT COUNT(*) FROM hub_encoding WHERE site_code = :site AND reference = :ref")
                .param("site", site).param("ref", reference).query(Long.class).single();
    }

    // --- staff actions over HTTP ----------------------------------------------------------------------------

    static UUID enrol(ConfigurableApplicationContext clinic, String given, String surname, String dob, String sex,
            boolean duplicateCheck) throws Exception {
        ensureStaff(clinic);
        names.add(given);
        names.add(surname);
        String consents = duplicateCheck ? "[\"TREATMENT\",\"DUPLICATE_CHECK\"]" : "[\"TREATMENT\"]";
        String body = """
                {"sex":"%s","birthYear":%s,"motherFirstName":"Айгуль","fatherFirstName":"Бакыт","alias":"%s",
                 "givenName":"%s","surname":"%s","dateOfBirth":"%s","identityConsent":true,"consents":%s}
                """.formatted(sex, dob.substring(0, 4), "client-" + names.size(), given, surname, dob, consents);
        var response = call(clinic, "POST", "/api/v1/clients", body, "nurse", NURSE_PASSWORD);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode created = json.readTree(response.body());
        clientIds.add(created.get("id").stringValue());
        clientIds.add(created.get("uic").stringValue());
        return UUID.fromString(created.get("id").stringValue());
    }

    static void giveConsent(ConfigurableApplicationContext clinic, UUID client) throws Exception {
        var response = call(clinic, "POST", "/api/v1/clients/" + client + "/consents", "{\"purpose\":\"DUPLICATE_CHECK\"}",
                "nurse", NURSE_PASSWORD);
        assertThat(response.status()).isEqualTo(201);
    }

    static JsonNode status(ConfigurableApplicationContext clinic, UUID client) throws Exception {
        var response = call(clinic, "GET", "/api/v1/clients/" + client + "/duplicate-check", null, "nurse", NURSE_PASSWORD);
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static String state(ConfigurableApplicationContext clinic, UUID client) throws Exception {
        return status(clinic, client).get("state").stringValue();
    }

    static void ensureStaff(ConfigurableApplicationContext clinic) {
        StaffAccounts staff = clinic.getBean(StaffAccounts.class);
        if (!staff.exists("nurse")) {
            staff.create("nurse", Roles.NURSE, NURSE_PASSWORD, true);
            staff.create("doctor", Roles.DOCTOR, DOCTOR_PASSWORD, true);
        }
    }

    static Http.Response call(ConfigurableApplicationContext app, String method, String path, String body,
            String user, String password) {
        return new Http(port(app)).send(user + ":" + password, method, path, body, null);
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** A page as the nurse sees it after logging in with the form (session cookie and CSRF token). */
    static String page(ConfigurableApplicationContext clinic, String path) {
        var response = nurseSession(clinic).get(path);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    static String location(ConfigurableApplicationContext clinic, String path) {
        var response = nurseSession(clinic).get(path);
        assertThat(response.status()).isEqualTo(302);
        return response.header("Location").orElseThrow();
    }

    static Http.Session nurseSession(ConfigurableApplicationContext clinic) {
        ensureStaff(clinic);
        return new Http(port(clinic)).signIn("nurse", NURSE_PASSWORD);
    }
}
