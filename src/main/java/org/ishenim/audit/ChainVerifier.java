package org.ishenim.audit;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Walks the chain in sequence order and names the first entry that does not fit. */
class ChainVerifier {

    private final JdbcClient db;

    ChainVerifier(JdbcClient db) {
        this.db = db;
    }

    /**
     * Reads the head first and then the entries up to it, without locks: everything the head counts was committed
     * with it, and entries the sealer appends meanwhile lie beyond it and are left for the next verification. So
     * verifications never wait for each other or for the sealer, and work on a read-only connection.
     */
    AuditVerification verify() {
        var head = db.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long headSeq = (Long) head[0];
        var walk = new Walk();
        db.sql("""
                SELECT seq, occurred_at, actor, actor_role, action, client_id, purpose, outcome, prev_hash, hash
                FROM audit_entry
                WHERE seq <= :head
                ORDER BY seq
                """)
                .param("head", headSeq)
                .query(rs -> {
                    walk.accept(new AuditEntry(rs.getLong("seq"),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                            rs.getString("actor_role"), rs.getString("action"), rs.getObject("client_id", UUID.class),
                            rs.getString("purpose"), Outcome.valueOf(rs.getString("outcome")),
                            rs.getString("prev_hash"), rs.getString("hash")));
                });
        if (walk.firstBad == null && (headSeq != walk.count || !head[1].equals(walk.prev))) {
            walk.fail(walk.count + 1, "entries after " + walk.count + " are missing");
        }
        return new AuditVerification(walk.firstBad == null, walk.count, walk.prev, walk.firstBad, walk.reason);
    }

    private static final class Walk {
        long count;
        String prev = AuditEntry.GENESIS;
        Long firstBad;
        String reason;

        void accept(AuditEntry e) {
            count++;
            if (firstBad != null) {
                return;
            }
            long expected = count;
            if (e.seq() != expected) {
                fail(expected, "entry " + expected + " is missing or out of order");
            } else if (!e.prevHash().equals(prev)) {
                fail(e.seq(), "entry " + e.seq() + " does not link to the entry before it");
            } else if (!e.computeHash().equals(e.hash())) {
                fail(e.seq(), "entry " + e.seq() + " was altered");
            }
            prev = e.hash();
        }

        void fail(long seq, String why) {
            firstBad = seq;
            reason = why;
        }
    }
}
