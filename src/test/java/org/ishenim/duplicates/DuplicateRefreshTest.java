package org.ishenim.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.ishenim.clients.ClientId;
import org.ishenim.clients.ClientRecords;
import org.ishenim.clients.Consents;
import org.ishenim.clients.Enrolment;
import org.ishenim.clients.Identity;
import org.ishenim.clients.Purpose;
import org.ishenim.clients.Sex;
import org.ishenim.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub deletes an encoding its clinic has not sent again within its retention, so the clinic sends every
 * consenting client's encoding again once its last answered check is older than
 * {@code ishenim.duplicates.refresh-interval}; a withdrawn client is never sent again. On H2
 * ({@link DuplicateRefreshH2Test}) and PostgreSQL ({@link DuplicateRefreshPostgresTest}).
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
@org.ishenim.testing.BothDatabases
class DuplicateRefreshTest {

    @DynamicPropertySource
    static void unreachableHub(DynamicPropertyRegistry r) {
        UnreachableHub.properties(r, "refresh-test-secret-0123456789abcdef");
        r.add("ishenim.duplicates.refresh.cron", () -> "-");
    }

    @Autowired
    ClientRecords records;
    @Autowired
    Consents consents;
    @Autowired
    DuplicateChecks checks;
    @Autowired
    DuplicateRefresh refresh;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient db;

    @Test
    void aClientCheckedLongerAgoThanTheRefreshIntervalIsSentAgainAndAWithdrawnOneIsNot() {
        ClientId kept = answered(enrol());
        ClientId withdrawn = answered(enrol());
        consents.revoke(withdrawn, Purpose.DUPLICATE_CHECK); // queues the deletion
        delivered(withdrawn);

        clock.advance(Duration.ofDays(29));
        assertThat(refresh.refreshStale()).isZero();
        assertThat(checks.queued(kept)).isEmpty();

        clock.advance(Duration.ofDays(2));
        assertThat(refresh.refreshStale()).isEqualTo(1);
        assertThat(checks.queued(kept)).contains(DuplicateChecks.Action.CHECK);
        assertThat(checks.find(kept).orElseThrow().state()).isEqualTo(CheckState.PENDING);
        assertThat(checks.queued(withdrawn)).isEmpty();
        assertThat(checks.find(withdrawn).orElseThrow().state()).isEqualTo(CheckState.WITHDRAWN);
        assertThat(refresh.refreshStale()).isZero(); // queued already
        assertThat(db.sql("SELECT purpose FROM audit_pending WHERE action = 'duplicates.refresh' UNION ALL "
                + "SELECT purpose FROM audit_entry WHERE action = 'duplicates.refresh'").query(String.class).list())
                .contains("1 clients sent again: last answer older than PT720H");
    }

    ClientId enrol() {
        var who = new Identity("Айбек", "Токтогулов", LocalDate.of(1985, 3, 14), null);
        return records.enrol(new Enrolment(Sex.M, 1985, "Айгуль", "Бакыт", "refresh", who, true,
                Set.of(Purpose.TREATMENT, Purpose.DUPLICATE_CHECK))).id();
    }

    /** As if the sender had uploaded the encoding and the hub had answered: nothing queued, state CLEAR. */
    ClientId answered(ClientId id) {
        delivered(id);
        checks.answered(id, List.of());
        return id;
    }

    /** As if the sender had delivered what the client's check owes the hub: its publications gone, nothing owed. */
    void delivered(ClientId id) {
        String reference = checks.find(id).orElseThrow().reference();
        db.sql("DELETE FROM event_publication WHERE serialized_event LIKE :reference")
                .param("reference", "%" + reference + "%").update();
        db.sql("UPDATE duplicate_check SET pending_action = NULL, attempts = 0, next_attempt_at = NULL WHERE client_id = :id")
                .param("id", id.value()).update();
    }
}
