package org.ishenim.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audit entries to the hash chain and reads a client's access log. {@link #record} joins the
 * caller's transaction, so an entry exists exactly when the change it records does.
 */
@Service
public class AuditLog {

    private final JdbcClient db;
    private final Clock clock;

    AuditLog(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records an action by the current user. {@code clientId} and {@code purpose} may be null. */
    @Transactional
    public void record(String action, UUID clientId, String purpose, Outcome outcome) {
        append(Actor.current(), action, clientId, purpose, outcome);
    }

    /** Records an action by a named actor, for example a failed login before anyone is authenticated. */
    @Transactional
    public void recordAs(String actor, String role, String action, UUID clientId, String purpose, Outcome outcome) {
        append(new Actor(Actor.truncate(actor, 100), role), action, clientId, purpose, outcome);
    }

    private void append(Actor actor, String action, UUID clientId, String purpose, Outcome outcome) {
        var head = db.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0] + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var entry = AuditEntry.link(seq, at, actor.name(), actor.role(), action, clientId,
                Actor.truncate(purpose, 300), outcome, (String) head[1]);
        db.sql("""
                INSERT INTO audit_entry (seq, occurred_at, actor, actor_role, action, client_id, purpose, outcome,
                                         prev_hash, hash)
                VALUES (:seq, :at, :actor, :role, :action, :client, :purpose, :outcome, :prev, :hash)
                """)
                .param("seq", entry.seq())
                .param("at", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                .param("actor", entry.actor())
                .param("role", entry.actorRole())
                .param("action", entry.action())
                .param("client", entry.clientId())
                .param("purpose", entry.purpose())
                .param("outcome", entry.outcome().name())
                .param("prev", entry.prevHash())
                .param("hash", entry.hash())
                .update();
        db.sql("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", entry.hash()).update();
    }

    /** Who accessed this client's record and when, newest first. */
    @Transactional(readOnly = true)
    public List<AccessRecord> accessesTo(UUID clientId) {
        return db.sql("""
                SELECT seq, occurred_at, actor, actor_role, action, purpose, outcome
                FROM audit_entry
                WHERE client_id = :client
                ORDER BY seq DESC
                """)
                .param("client", clientId)
                .query((rs, n) -> new AccessRecord(rs.getLong("seq"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("actor_role"), rs.getString("action"), rs.getString("purpose"),
                        Outcome.valueOf(rs.getString("outcome"))))
                .list();
    }

    /** Recomputes the whole chain. */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        return new ChainVerifier(db).verify();
    }
}
