package org.ishenim.duplicates;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.ishenim.web.ClinicOnly;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The duplicate-check tables: per-client state and reference, the hub's candidates, and the outbox. */
@Repository
@ClinicOnly
class DuplicateChecks {

    enum Action { CHECK, DELETE }

    record Check(ClientId clientId, String reference, CheckState state, Instant requestedAt, Instant checkedAt) {
    }

    record Due(ClientId clientId, String reference, Action action, long version, int attempts) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient db;
    private final Clock clock;

    DuplicateChecks(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<Check> find(ClientId id) {
        return db.sql("SELECT * FROM duplicate_check WHERE client_id = :id").param("id", id.value())
                .query((rs, n) -> new Check(id, rs.getString("reference"), CheckState.valueOf(rs.getString("state")),
                        instant(rs.getObject("requested_at", OffsetDateTime.class)),
                        instant(rs.getObject("checked_at", OffsetDateTime.class))))
                .optional();
    }

    Optional<ClientId> byReference(String reference) {
        return db.sql("SELECT client_id FROM duplicate_check WHERE reference = :ref").param("ref", reference)
                .query((rs, n) -> new ClientId(rs.getObject(1, UUID.class))).optional();
    }

    /** Creates the check with a fresh random reference, or sets an existing one back to pending. */
    void pending(ClientId id) {
        if (find(id).isPresent()) {
            db.sql("UPDATE duplicate_check SET state = 'PENDING', requested_at = :at WHERE client_id = :id")
                    .param("at", now()).param("id", id.value()).update();
        } else {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            db.sql("""
                    INSERT INTO duplicate_check (client_id, reference, state, requested_at)
                    VALUES (:id, :ref, 'PENDING', :at)
                    """).param("id", id.value()).param("ref", HexFormat.of().formatHex(bytes)).param("at", now()).update();
        }
    }

    void state(ClientId id, CheckState state) {
        db.sql("UPDATE duplicate_check SET state = :state WHERE client_id = :id")
                .param("state", state.name()).param("id", id.value()).update();
    }

    /** Records the hub's answer. */
    void answered(ClientId id, List<HubClient.Found> found) {
        clearCandidates(id);
        OffsetDateTime now = now();
        for (var f : found) {
            db.sql("""
                    INSERT INTO duplicate_candidate (client_id, site, reference, same_site, found_at)
                    VALUES (:id, :site, :ref, :same, :at)
                    """).param("id", id.value()).param("site", f.site()).param("ref", f.reference())
                    .param("same", f.sameSite()).param("at", now).update();
        }
        db.sql("UPDATE duplicate_check SET state = :state, checked_at = :at WHERE client_id = :id")
                .param("state", found.isEmpty() ? CheckState.CLEAR.name() : CheckState.FOUND.name()).param("at", now)
                .param("id", id.value()).update();
    }

    void clearCandidates(ClientId id) {
        db.sql("DELETE FROM duplicate_candidate WHERE client_id = :id").param("id", id.value()).update();
    }

    List<DuplicateStatus.Candidate> candidates(ClientId id) {
        return db.sql("SELECT site, reference, same_site FROM duplicate_candidate WHERE client_id = :id ORDER BY site, reference")
                .param("id", id.value())
                .query((rs, n) -> new DuplicateStatus.Candidate(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    /** Sets what the hub must be told about the client; replaces any earlier wish. */
    void enqueue(ClientId id, Action action) {
        OffsetDateTime now = now();
        int updated = db.sql("""
                UPDATE duplicate_outbox SET action = :action, version = version + 1, attempts = 0,
                       next_attempt_at = :at, last_error = NULL
                WHERE client_id = :id
                """).param("action", action.name()).param("at", now).param("id", id.value()).update();
        if (updated == 0) {
            db.sql("""
                    INSERT INTO duplicate_outbox (client_id, action, version, created_at, attempts, next_attempt_at)
                    VALUES (:id, :action, 1, :at, 0, :at)
                    """).param("id", id.value()).param("action", action.name()).param("at", now).update();
        }
    }

    Optional<Action> queued(ClientId id) {
        return db.sql("SELECT action FROM duplicate_outbox WHERE client_id = :id").param("id", id.value())
                .query(String.class).optional().map(Action::valueOf);
    }

    /** Outbox rows whose time has come (all of them when {@code ignoreBackoff}), oldest wish first. */
    List<Due> due(boolean ignoreBackoff, int limit) {
        return db.sql("""
                SELECT o.client_id, c.reference, o.action, o.version, o.attempts
                FROM duplicate_outbox o JOIN duplicate_check c ON c.client_id = o.client_id
                WHERE o.next_attempt_at <= :now OR :all = TRUE
                ORDER BY o.created_at, o.client_id
                LIMIT :limit
                """).param("now", now()).param("all", ignoreBackoff).param("limit", limit)
                .query((rs, n) -> new Due(new ClientId(rs.getObject(1, UUID.class)), rs.getString(2),
                        Action.valueOf(rs.getString(3)), rs.getLong(4), rs.getInt(5)))
                .list();
    }

    /** Removes the row if it is still the wish that was carried out. */
    boolean done(Due due) {
        return db.sql("DELETE FROM duplicate_outbox WHERE client_id = :id AND version = :version")
                .param("id", due.clientId().value()).param("version", due.version()).update() == 1;
    }

    void failed(Due due, String error, Duration backoff) {
        db.sql("""
                UPDATE duplicate_outbox SET attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                WHERE client_id = :id AND version = :version
                """).param("next", OffsetDateTime.ofInstant(clock.instant().plus(backoff), ZoneOffset.UTC))
                .param("error", error.length() > 200 ? error.substring(0, 200) : error)
                .param("id", due.clientId().value()).param("version", due.version()).update();
    }

    record Retry(int attempts, Instant nextAttemptAt) {
    }

    Optional<Retry> retry(ClientId id) {
        return db.sql("SELECT attempts, next_attempt_at FROM duplicate_outbox WHERE client_id = :id")
                .param("id", id.value())
                .query((rs, n) -> new Retry(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class)))).optional();
    }

    /**
     * Clients whose last answered check (CLEAR or FOUND) is older than {@code cutoff} and who have nothing queued: the
     * hub forgets an encoding its clinic does not send again (see {@link DuplicateRefresh}).
     */
    List<ClientId> answeredBefore(Instant cutoff) {
        return db.sql("""
                SELECT c.client_id FROM duplicate_check c
                WHERE c.state IN ('CLEAR', 'FOUND') AND c.checked_at < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM duplicate_outbox o WHERE o.client_id = c.client_id)
                ORDER BY c.checked_at
                """).param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .query((rs, n) -> new ClientId(rs.getObject(1, UUID.class))).list();
    }

    /** Client ids by state, newest request first (for the page). */
    List<ClientId> withState(CheckState state, int limit) {
        return db.sql("SELECT client_id FROM duplicate_check WHERE state = :state ORDER BY requested_at DESC LIMIT :limit")
                .param("state", state.name()).param("limit", limit)
                .query((rs, n) -> new ClientId(rs.getObject(1, UUID.class))).list();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
