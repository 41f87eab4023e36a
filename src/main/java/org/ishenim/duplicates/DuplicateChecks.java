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

/**
 * The duplicate-check tables: per-client state, reference and what the hub is still owed (the latest wish, its
 * generation and retry state), and the hub's candidates. The wishes travel as {@link HubUpdateRequested} events
 * through Spring Modulith's Event Publication Registry.
 */
@Repository
@ClinicOnly
class DuplicateChecks {

    enum Action { CHECK, DELETE }

    record Check(ClientId clientId, String reference, CheckState state, Instant requestedAt, Instant checkedAt) {
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

    /**
     * Sets what the hub must be told about the client, replacing any earlier wish: a new generation, no attempt
     * yet. Returns the event that carries it to the hub (the reference, the action and the generation; no identity).
     */
    HubUpdateRequested owe(ClientId id, Action action) {
        db.sql("""
                UPDATE duplicate_check SET pending_action = :action, generation = generation + 1, attempts = 0,
                       next_attempt_at = :at
                WHERE client_id = :id
                """).param("action", action.name()).param("at", now()).param("id", id.value()).update();
        return db.sql("SELECT reference, generation FROM duplicate_check WHERE client_id = :id").param("id", id.value())
                .query((rs, n) -> new HubUpdateRequested(rs.getString(1), action, rs.getLong(2))).single();
    }

    /** What the hub still has to be told about the client, if anything. */
    Optional<Action> queued(ClientId id) {
        return db.sql("SELECT pending_action FROM duplicate_check WHERE client_id = :id AND pending_action IS NOT NULL")
                .param("id", id.value()).query(String.class).optional().map(Action::valueOf);
    }

    /** The wish behind a reference, still to be carried out. */
    record Owed(ClientId clientId, String reference, Action action, long generation, int attempts, Instant nextAttemptAt) {

        boolean dueAt(Instant now) {
            return nextAttemptAt == null || !nextAttemptAt.isAfter(now);
        }
    }

    /** The wish an event carries, if it is still the client's latest one and not yet carried out. */
    Optional<Owed> owed(HubUpdateRequested update) {
        return db.sql("""
                SELECT client_id, pending_action, attempts, next_attempt_at FROM duplicate_check
                WHERE reference = :ref AND generation = :generation AND pending_action = :action
                """).param("ref", update.reference()).param("generation", update.generation())
                .param("action", update.action().name())
                .query((rs, n) -> new Owed(new ClientId(rs.getObject(1, UUID.class)), update.reference(),
                        Action.valueOf(rs.getString(2)), update.generation(), rs.getInt(3),
                        instant(rs.getObject(4, OffsetDateTime.class))))
                .optional();
    }

    /** Marks the wish carried out, if it is still the latest one. */
    boolean done(Owed owed) {
        return db.sql("""
                UPDATE duplicate_check SET pending_action = NULL, attempts = 0, next_attempt_at = NULL
                WHERE client_id = :id AND generation = :generation AND pending_action IS NOT NULL
                """).param("id", owed.clientId().value()).param("generation", owed.generation()).update() == 1;
    }

    /** The hub could not be told: one more attempt, the next one after the backoff. */
    void failed(Owed owed, Duration backoff) {
        db.sql("""
                UPDATE duplicate_check SET attempts = attempts + 1, next_attempt_at = :next
                WHERE client_id = :id AND generation = :generation AND pending_action IS NOT NULL
                """).param("next", OffsetDateTime.ofInstant(clock.instant().plus(backoff), ZoneOffset.UTC))
                .param("id", owed.clientId().value()).param("generation", owed.generation()).update();
    }

    record Retry(int attempts, Instant nextAttemptAt) {
    }

    Optional<Retry> retry(ClientId id) {
        return db.sql("""
                SELECT attempts, next_attempt_at FROM duplicate_check WHERE client_id = :id AND pending_action IS NOT NULL
                """).param("id", id.value())
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
                  AND c.pending_action IS NULL
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
