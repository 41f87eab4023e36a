package org.ishenim.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends audit entries to the hash chain and reads a client's access log. {@link #record} joins the
 * caller's transaction, so an entry exists exactly when the change it records does.
 *
 * <p>Entries are buffered for the transaction and linked into the chain just before it commits: the chain's
 * head row is then locked only for the last moments of the transaction, and once for all of its entries, so
 * that concurrent writers wait on each other as briefly as possible. An entry recorded after that point (by
 * another before-commit callback) is appended at once.
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
        enqueue(new Pending(Actor.current(), action, clientId, Actor.truncate(purpose, 300), outcome,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /** Records an action by a named actor, for example a failed login before anyone is authenticated. */
    @Transactional
    public void recordAs(String actor, String role, String action, UUID clientId, String purpose, Outcome outcome) {
        enqueue(new Pending(new Actor(Actor.truncate(actor, 100), role), action, clientId, Actor.truncate(purpose, 300),
                outcome, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /** An entry waiting for its transaction's commit to be linked into the chain. */
    record Pending(Actor actor, String action, UUID clientId, String purpose, Outcome outcome, Instant at) {
    }

    private void enqueue(Pending pending) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            appendAll(List.of(pending));
            return;
        }
        var batch = (Batch) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            batch = new Batch();
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        if (batch.flushed) {
            appendAll(List.of(pending));
        } else {
            batch.entries.add(pending);
        }
    }

    /** The transaction's buffered entries, linked in one go just before commit. */
    private final class Batch implements TransactionSynchronization {
        final List<Pending> entries = new ArrayList<>();
        boolean flushed;

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flushed = true;
            if (!entries.isEmpty()) {
                appendAll(entries);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
        }
    }

    private void appendAll(List<Pending> entries) {
        var head = db.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0];
        String prev = (String) head[1];
        for (Pending p : entries) {
            var entry = AuditEntry.link(++seq, p.at(), p.actor().name(), p.actor().role(), p.action(), p.clientId(),
                    p.purpose(), p.outcome(), prev);
            insert(entry);
            prev = entry.hash();
        }
        db.sql("UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", prev).update();
    }

    private void insert(AuditEntry entry) {
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
