package org.ishenim.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links pending audit entries into the hash chain. One short transaction per batch locks the chain's head, takes
 * the pending entries in the order they were written, appends them to {@code audit_entry} with their sequence
 * numbers and hashes, and deletes them from {@code audit_pending}: an entry is always in exactly one table.
 *
 * <p>It runs on its own thread every {@code ishenim.audit.seal-delay} (default 200 ms), from startup (entries left
 * by a crash or a shutdown are sealed then), and whenever the chain is verified. Entries committed late, out of their id order,
 * are sealed in the next batch: the chain's order is the order of sealing, and no entry is skipped.
 */
@Component
class AuditSealer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Duration delay;
    private ScheduledExecutorService thread;

    AuditSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${ishenim.audit.seal-delay:PT0.2S}") Duration delay) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.delay = delay.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : delay;
    }

    /**
     * Seals the entries committed so far, up to 100 batches (under a load that writes faster than that, the next
     * run goes on); returns how many were sealed.
     */
    int sealPending() {
        int total = 0;
        int sealed;
        int batches = 0;
        do {
            Integer n = tx.execute(status -> sealBatch());
            sealed = n == null ? 0 : n;
            total += sealed;
        } while (sealed == BATCH && ++batches < 100);
        return total;
    }

    private int sealBatch() {
        if (jdbc.queryForList("SELECT id FROM audit_pending ORDER BY id LIMIT 1", Long.class).isEmpty()) {
            return 0;
        }
        var head = jdbc.queryForMap("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
        long seq = ((Number) head.get("seq")).longValue();
        String prev = ((String) head.get("hash")).strip();
        List<Pending> pending = jdbc.query("""
                SELECT id, occurred_at, actor, actor_role, action, client_id, purpose, outcome
                FROM audit_pending
                ORDER BY id
                LIMIT ?
                """, (rs, n) -> new Pending(rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("actor_role"), rs.getString("action"), rs.getObject("client_id", UUID.class),
                rs.getString("purpose"), Outcome.valueOf(rs.getString("outcome"))), BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        var linked = new AuditEntry[pending.size()];
        for (int i = 0; i < linked.length; i++) {
            linked[i] = pending.get(i).linked(++seq, prev);
            prev = linked[i].hash();
        }
        jdbc.batchUpdate("""
                INSERT INTO audit_entry (seq, occurred_at, actor, actor_role, action, client_id, purpose, outcome,
                                         prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, List.of(linked), linked.length, AuditSealer::bind);
        jdbc.batchUpdate("DELETE FROM audit_pending WHERE id = ?", pending, pending.size(),
                (ps, p) -> ps.setLong(1, p.id()));
        jdbc.update("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", seq, prev);
        return pending.size();
    }

    private static void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
        ps.setLong(1, e.seq());
        ps.setObject(2, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
        ps.setString(3, e.actor());
        ps.setString(4, e.actorRole());
        ps.setString(5, e.action());
        ps.setObject(6, e.clientId());
        ps.setString(7, e.purpose());
        ps.setString(8, e.outcome().name());
        ps.setString(9, e.prevHash());
        ps.setString(10, e.hash());
    }

    /** A pending row as its writer left it: an entry without a place in the chain yet. */
    private record Pending(long id, Instant occurredAt, String actor, String actorRole, String action, UUID clientId,
            String purpose, Outcome outcome) {

        AuditEntry linked(long seq, String prevHash) {
            return AuditEntry.link(seq, occurredAt, actor, actorRole, action, clientId, purpose, outcome, prevHash);
        }
    }

    /** {@link #sealPending()}, logging a failure (by exception class only) instead of throwing it. */
    void sealQuietly() {
        try {
            sealPending();
        } catch (RuntimeException e) {
            // Entries stay pending and are sealed on the next run. No entry content in the log.
            log.warn("Audit sealing failed ({}); will retry", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                var t = new Thread(r, "audit-sealer");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(this::sealQuietly, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops without waiting and without interrupting: a batch in progress ends normally or rolls back whole (an
     * interrupt could close an H2 file mid-write), and whatever is still pending is sealed at the next start.
     */
    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdown();
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }

    /** Starts before the web server and stops after it. */
    @Override
    public int getPhase() {
        return 0;
    }
}
