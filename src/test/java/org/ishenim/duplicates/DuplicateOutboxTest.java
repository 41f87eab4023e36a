package org.ishenim.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.ishenim.clients.Client;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Consents;
import org.ishenim.clients.Enrolment;
import org.ishenim.clients.Identity;
import org.ishenim.clients.Purpose;
import org.ishenim.clients.Sex;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Http;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One clinic whose hub is unreachable: the outbox is written with the enrolment, backs off, is replaced by a
 * deletion when the consent is revoked, and the status is shown to doctors and nurses only. On H2
 * ({@link DuplicateOutboxTest}) and PostgreSQL ({@link DuplicateOutboxPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(DuplicateOutboxTest.RecordHubRequests.class)
@org.ishenim.testing.BothDatabases
class DuplicateOutboxTest {

    @DynamicPropertySource
    static void unreachableHub(DynamicPropertyRegistry r) {
        UnreachableHub.properties(r, "outbox-test-secret-0123456789abcdef");
    }

    /** Records every request the clinic tries to send to the (unreachable) hub, in order: method and path. */
    static final class HubRequests implements org.springframework.http.client.ClientHttpRequestInterceptor {
        final java.util.List<String> attempted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        @Override
        public org.springframework.http.client.ClientHttpResponse intercept(org.springframework.http.HttpRequest request,
                byte[] body, org.springframework.http.client.ClientHttpRequestExecution execution) throws IOException {
            attempted.add(request.getMethod().name() + " " + request.getURI().getPath());
            return execution.execute(request, body);
        }

        java.util.List<String> since(int index) {
            synchronized (attempted) {
                return java.util.List.copyOf(attempted.subList(index, attempted.size()));
            }
        }
    }

    /** Imported by the class annotation (a nested configuration class is no longer picked up by itself). */
    static class RecordHubRequests {
        @org.springframework.context.annotation.Bean
        HubRequests hubRequests() {
            return new HubRequests();
        }
    }

    @Autowired
    HubRequests hubRequests;
    @LocalServerPort
    int port;
    @Autowired
    ClientRecords records;
    @Autowired
    Consents consents;
    @Autowired
    DuplicateChecks checks;
    @Autowired
    DuplicateCheckSender sender;
    @Autowired
    StaffAccounts staff;

    @BeforeEach
    void staff() {
        if (!staff.exists("nurse")) {
            staff.create("nurse", Roles.NURSE, "nurse-password-1", true);
            staff.create("pharmacist", Roles.PHARMACIST, "pharmacist-password-1", true);
        }
        sender.sendNow(); // drain what earlier tests left, so that each test sees only its own rows
    }

    UUID enrol(boolean duplicateCheck, boolean identity) {
        var purposes = duplicateCheck ? Set.of(Purpose.TREATMENT, Purpose.DUPLICATE_CHECK) : Set.of(Purpose.TREATMENT);
        var who = identity ? new Identity("Айбек", "Токтогулов", LocalDate.of(1985, 3, 14), null)
                : new Identity(null, null, null, null);
        return records.enrol(new Enrolment(Sex.M, 1985, "Айгуль", "Бакыт", "outbox", who, identity, purposes)).id().value();
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void aTreatmentStartRunsTheCheckAgain() {
        ClientId client = new ClientId(enrol(true, true));
        // as if the hub had been told: nothing owed, no publication left
        forget(client);
        assertThat(checks.queued(client)).isEmpty();
        tx.executeWithoutResult(s -> events.publishEvent(new org.ishenim.prescriptions.TreatmentStarted(client)));
        assertThat(checks.queued(client)).contains(DuplicateChecks.Action.CHECK);
        assertThat(publications(client)).hasSize(1);
    }

    @Test
    void theCheckIsWrittenWithTheEnrolmentAndBacksOffWhileTheHubIsDown() {
        UUID id = enrol(true, true);
        ClientId client = new ClientId(id);
        assertThat(checks.queued(client)).contains(DuplicateChecks.Action.CHECK);
        assertThat(publications(client)).as("stored by the registry with the enrolment").hasSize(1);
        assertThat(checks.find(client).orElseThrow().reference()).matches("[0-9a-f]{32}")
                .doesNotContain(id.toString().replace("-", ""));

        Instant before = Instant.now();
        assertThat(sender.sendDue()).isZero();
        var retry = checks.retry(client).orElseThrow();
        assertThat(retry.attempts()).isEqualTo(1);
        assertThat(retry.nextAttemptAt()).isAfter(before.plusSeconds(25));
        assertThat(sender.sendDue()).isZero();
        assertThat(checks.retry(client).orElseThrow().attempts()).as("not retried before its time").isEqualTo(1);
        assertThat(sender.sendNow()).isZero();
        assertThat(checks.retry(client).orElseThrow().attempts()).isEqualTo(2);
        assertThat(sender.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(sender.backoff(30)).isEqualTo(Duration.ofHours(1));
        assertThat(checks.find(client).orElseThrow().state()).isEqualTo(CheckState.PENDING);

        consents.revoke(client, Purpose.DUPLICATE_CHECK);
        assertThat(checks.queued(client)).contains(DuplicateChecks.Action.DELETE);
        assertThat(checks.retry(client).orElseThrow().attempts()).as("a new wish starts afresh").isZero();
        assertThat(checks.find(client).orElseThrow().state()).isEqualTo(CheckState.WITHDRAWN);
    }

    @Test
    void withoutTheConsentNothingIsQueuedAndWithoutANameThereIsNothingToEncode() throws Exception {
        UUID noConsent = enrol(false, true);
        assertThat(checks.queued(new ClientId(noConsent))).isEmpty();
        assertThat(checks.find(new ClientId(noConsent))).isEmpty();
        assertThat(get("/api/v1/clients/" + noConsent + "/duplicate-check", "nurse", "nurse-password-1").body())
                .contains("\"state\":\"NO_CONSENT\"");

        UUID noIdentity = enrol(true, false);
        assertThat(sender.sendNow()).isEqualTo(1);
        assertThat(checks.find(new ClientId(noIdentity)).orElseThrow().state()).isEqualTo(CheckState.NO_IDENTITY);
        assertThat(checks.queued(new ClientId(noIdentity))).isEmpty();
    }

    @Autowired
    DuplicateCheck duplicates;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;

    @Test
    void clientsWhoConsentedBeforeTheHubWasConfiguredAreQueuedByARefresh() {
        UUID earlier = enrol(true, true);
        UUID withoutName = enrol(true, false);
        // As if enrolled before ishenim.hub.url was set: no check, nothing queued.
        forget(new ClientId(earlier));
        forget(new ClientId(withoutName));
        db.sql("DELETE FROM duplicate_check WHERE client_id IN (:a, :b)").param("a", earlier).param("b", withoutName).update();

        assertThat(duplicates.refresh(false)).isEqualTo(1);
        assertThat(checks.queued(new ClientId(earlier))).contains(DuplicateChecks.Action.CHECK);
        assertThat(checks.find(new ClientId(withoutName))).isEmpty();
        assertThat(duplicates.refresh(false)).isZero();
        assertThat(duplicates.refresh(true)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRolledBackEnrolmentQueuesNothingAndSendsNothing() {
        long stored = db.sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single();
        ClientId client = tx.execute(s -> {
            s.setRollbackOnly();
            return new ClientId(enrol(true, true));
        });
        assertThat(checks.find(client)).isEmpty();
        assertThat(checks.queued(client)).isEmpty();
        assertThat(db.sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single())
                .as("the publication was rolled back with the enrolment").isEqualTo(stored);
        int before = hubRequests.attempted.size();
        sender.sendNow();
        assertThat(hubRequests.since(before)).as("only what earlier tests left, none of it new")
                .allSatisfy(a -> assertThat(a).startsWith("DELETE "));
    }

    @Test
    void theLatestWishWinsAndEarlierOnesAreNeverSent() {
        ClientId client = new ClientId(enrol(true, true));
        String reference = checks.find(client).orElseThrow().reference();
        consents.revoke(client, Purpose.DUPLICATE_CHECK);
        assertThat(checks.queued(client)).contains(DuplicateChecks.Action.DELETE);
        consents.give(client, Purpose.DUPLICATE_CHECK);
        assertThat(checks.queued(client)).contains(DuplicateChecks.Action.CHECK);
        assertThat(checks.find(client).orElseThrow().state()).isEqualTo(CheckState.PENDING);

        int before = hubRequests.attempted.size();
        assertThat(sender.sendNow()).isZero();
        // the hub may be skipped for the rest of a pass once it failed, but the withdrawn wish is never sent
        assertThat(hubRequests.since(before)).doesNotContain("DELETE /api/v1/hub/encodings/" + reference);
        assertThat(checks.retry(client).orElseThrow().attempts()).as("one attempt: only the latest wish").isEqualTo(1);
        assertThat(checks.queued(client)).contains(DuplicateChecks.Action.CHECK);
    }

    @Test
    void theRegistryStoresTheReferenceTheActionAndTheGenerationNothingElse() {
        Client enrolled = records.enrol(new Enrolment(Sex.M, 1985, "Айгуль", "Бакыт", "registry",
                new Identity("Айбек", "Токтогулов", LocalDate.of(1985, 3, 14), null), true,
                Set.of(Purpose.TREATMENT, Purpose.DUPLICATE_CHECK)));
        ClientId client = enrolled.id();
        String reference = checks.find(client).orElseThrow().reference();
        consents.revoke(client, Purpose.DUPLICATE_CHECK);

        var rows = db.sql("SELECT listener_id, event_type, serialized_event FROM event_publication "
                + "WHERE serialized_event LIKE :ref ORDER BY publication_date, serialized_event")
                .param("ref", "%" + reference + "%")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
        String type = "duplicates.hub-update org.ishenim.duplicates.HubUpdateRequested ";
        assertThat(rows).containsExactlyInAnyOrder(
                type + "{\"reference\":\"" + reference + "\",\"action\":\"CHECK\",\"generation\":1}",
                type + "{\"reference\":\"" + reference + "\",\"action\":\"DELETE\",\"generation\":2}");
        String all = String.join("\n", db.sql("SELECT * FROM event_publication").query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append(' ');
            }
            return row.toString();
        }).list());
        assertThat(all).doesNotContain(client.value().toString()).doesNotContain(enrolled.uic().value())
                .doesNotContain("Айбек").doesNotContain("Токтогулов").doesNotContain("1985-03-14")
                .doesNotContain("outbox-test-secret");

        // the superseded check is completed without a word to the hub, and a completed publication is deleted
        int before = hubRequests.attempted.size();
        sender.sendNow();
        assertThat(hubRequests.since(before)).doesNotContain("PUT /api/v1/hub/encodings/" + reference);
        assertThat(publications(client)).singleElement().asString().contains("\"action\":\"DELETE\"");
    }

    @Test
    void onlyDoctorsAndNursesSeeTheStatus() throws Exception {
        UUID id = enrol(true, true);
        var nurse = get("/api/v1/clients/" + id + "/duplicate-check", "nurse", "nurse-password-1");
        assertThat(nurse.status()).isEqualTo(200);
        assertThat(nurse.body()).contains("\"state\":\"PENDING\"").doesNotContain("Айбек").doesNotContain("Aibek");
        assertThat(get("/api/v1/clients/" + id + "/duplicate-check", "pharmacist", "pharmacist-password-1").status())
                .isEqualTo(403);
        assertThat(get("/api/v1/clients/" + id + "/duplicate-check", null, null).status()).isEqualTo(401);
        assertThat(get("/api/v1/clients/" + UUID.randomUUID() + "/duplicate-check", "nurse", "nurse-password-1")
                .status()).isEqualTo(404);
    }

    @Test
    void theClientPageFragmentRendersInKyrgyz() throws Exception {
        UUID id = enrol(true, true);
        var response = new Http(port).signIn("nurse", "nurse-password-1").get("/duplicates/clients/" + id + "?lang=ky");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Кайталанууну текшерүү").contains("Хабдын жообу күтүлүүдө.")
                .contains("Кайра текшерүү").doesNotContain("Айбек");
    }

    /** The registry's incomplete publications about the client (by its reference), as stored: serialised events. */
    java.util.List<String> publications(ClientId client) {
        String reference = checks.find(client).orElseThrow().reference();
        return db.sql("SELECT serialized_event FROM event_publication WHERE completion_date IS NULL "
                + "AND listener_id = :listener AND serialized_event LIKE :ref")
                .param("listener", DuplicateCheckSender.LISTENER_ID).param("ref", "%\"" + reference + "\"%")
                .query(String.class).list();
    }

    /** As if the hub had been told everything about the client: nothing owed, no publication left. */
    void forget(ClientId client) {
        for (String event : publications(client)) {
            db.sql("DELETE FROM event_publication WHERE serialized_event = :e").param("e", event).update();
        }
        db.sql("UPDATE duplicate_check SET pending_action = NULL, attempts = 0, next_attempt_at = NULL WHERE client_id = :id")
                .param("id", client.value()).update();
    }

    /** The clients module includes the panel this module contributes (ClientPagePanel), for doctors and nurses only. */
    @Test
    void theClientPageShowsTheCheckToNursesAndNotToPharmacists() throws Exception {
        UUID id = enrol(true, true);
        for (String[] who : new String[][] {{"nurse", "nurse-password-1"}, {"pharmacist", "pharmacist-password-1"}}) {
            var page = new Http(port).signIn(who[0], who[1]).get("/clients/" + id);
            assertThat(page.status()).isEqualTo(200);
            if (who[0].equals("nurse")) {
                assertThat(page.body()).contains("id=\"duplicate-status\"").contains("Check again");
            } else {
                assertThat(page.body()).doesNotContain("duplicate-status");
            }
        }
    }

    Http.Response get(String path, String user, String password) {
        return new Http(port).get(user == null ? null : user + ":" + password, path);
    }
}
