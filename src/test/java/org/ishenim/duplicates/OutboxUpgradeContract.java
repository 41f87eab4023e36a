package org.ishenim.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.ishenim.clients.ClientId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upgrade from the hand-rolled outbox (V6_1) loses no pending check: a database at V6_1 with two rows in
 * {@code duplicate_outbox} is migrated by the application's Flyway at start-up (V6_2), and each row is then an
 * incomplete publication in the Event Publication Registry, with its wish, generation and retry state, which the next
 * pass resubmits. On H2 ({@link OutboxUpgradeTest}) and PostgreSQL ({@link OutboxUpgradePostgresTest}).
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(DuplicateOutboxTest.RecordHubRequests.class)
abstract class OutboxUpgradeContract {

    static final UUID DELETING = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID CHECKING = UUID.fromString("00000000-0000-4000-8000-000000000002");
    static final String DELETING_REF = "11111111111111111111111111111111";
    static final String CHECKING_REF = "22222222222222222222222222222222";

    @DynamicPropertySource
    static void unreachableHub(DynamicPropertyRegistry r) throws Exception {
        Path secret = Files.createTempFile("ishenim-linkage", ".secret");
        Files.writeString(secret, "upgrade-test-secret-0123456789abcdef\n");
        r.add("ishenim.hub.url", () -> "http://127.0.0.1:9");
        r.add("ishenim.hub.token", () -> "ishs_unused");
        r.add("ishenim.linkage.secret-file", secret::toString);
        r.add("ishenim.duplicates.send-interval", () -> "PT1H");
        r.add("ishenim.duplicates.send-after-commit", () -> "false");
    }

    /** Brings a fresh database to V6_1, as a clinic before this change had it, with two checks still owed. */
    static void atV61WithPendingChecks(String url, String user, String password) {
        var dataSource = new DriverManagerDataSource(url, user, password);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/clinic")
                .target("6.1").load().migrate();
        JdbcClient db = JdbcClient.create(dataSource);
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC);
        for (UUID id : new UUID[] {DELETING, CHECKING}) {
            String uic = id.equals(DELETING) ? "M1985UPGRA1" : "M1985UPGRA2";
            db.sql("""
                    INSERT INTO client (id, uic, uic_base, alias, alias_search, sex, birth_year, status, identity_state,
                                        enrolled_at, enrolled_by)
                    VALUES (:id, :uic, :uic, 'upgrade', 'upgrade', 'M', 1985, 'ACTIVE', 'NONE', :at, 'nurse')
                    """).param("id", id).param("uic", uic).param("at", at).update();
        }
        db.sql("""
                INSERT INTO duplicate_check (client_id, reference, state, requested_at)
                VALUES (:a, :aref, 'WITHDRAWN', :at), (:b, :bref, 'PENDING', :at)
                """).param("a", DELETING).param("aref", DELETING_REF).param("b", CHECKING).param("bref", CHECKING_REF)
                .param("at", at).update();
        // a deletion already tried twice while the hub was down, and a check never tried (its consent is gone since)
        db.sql("""
                INSERT INTO duplicate_outbox (client_id, action, version, created_at, attempts, next_attempt_at, last_error)
                VALUES (:a, 'DELETE', 3, :at, 2, :at, 'hub unreachable: ResourceAccessException'),
                       (:b, 'CHECK', 1, :later, 0, :later, NULL)
                """).param("a", DELETING).param("b", CHECKING).param("at", at).param("later", at.plusMinutes(1))
                .update();
    }

    @Autowired
    DuplicateChecks checks;
    @Autowired
    DuplicateCheckSender sender;
    @Autowired
    JdbcClient db;
    @Autowired
    JsonMapper json;
    @Autowired
    DuplicateOutboxTest.HubRequests hubRequests;

    @Test
    void eachPendingRowOfTheOldOutboxIsAPublicationThatTheNextPassResubmits() {
        assertThat(checks.queued(new ClientId(DELETING))).contains(DuplicateChecks.Action.DELETE);
        assertThat(checks.retry(new ClientId(DELETING)).orElseThrow().attempts()).isEqualTo(2);
        assertThat(checks.queued(new ClientId(CHECKING))).contains(DuplicateChecks.Action.CHECK);
        // stored exactly as the registry would have stored the events (its completion matches on this text)
        assertThat(db.sql("SELECT serialized_event FROM event_publication WHERE listener_id = :l AND event_type = :t "
                + "AND completion_date IS NULL ORDER BY publication_date")
                .param("l", DuplicateCheckSender.LISTENER_ID).param("t", HubUpdateRequested.class.getName())
                .query(String.class).list()).containsExactly(
                        json.writeValueAsString(new HubUpdateRequested(DELETING_REF, DuplicateChecks.Action.DELETE, 3)),
                        json.writeValueAsString(new HubUpdateRequested(CHECKING_REF, DuplicateChecks.Action.CHECK, 1)));
        assertThat(db.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'duplicate_outbox'")
                .query(Long.class).single()).isZero();

        int before = hubRequests.attempted.size();
        // the check needs no hub (no consent any more): completed; the deletion is sent, fails, and backs off
        assertThat(sender.sendNow()).isEqualTo(1);
        assertThat(hubRequests.since(before)).containsExactly("DELETE /api/v1/hub/encodings/" + DELETING_REF);
        assertThat(checks.queued(new ClientId(CHECKING))).isEmpty();
        assertThat(checks.queued(new ClientId(DELETING))).contains(DuplicateChecks.Action.DELETE);
        assertThat(checks.retry(new ClientId(DELETING)).orElseThrow().attempts()).isEqualTo(3);
        assertThat(db.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single()).as("the deletion stays owed; the completed check is deleted").isEqualTo(1);
    }
}
