package org.ishenim.dosing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.ishenim.web.ClinicOnly;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of POST /api/v1/dispensings. A request claims its key first in its transaction: a
 * concurrent request with the same key waits on the primary key and then finds the committed response.
 */
@Repository
@ClinicOnly
class IdempotencyKeys {

    record Stored(String username, String fingerprint, int status, String body) {
    }

    private final JdbcClient db;

    IdempotencyKeys(JdbcClient db) {
        this.db = db;
    }

    /** Throws DuplicateKeyException when the key was used before. */
    void claim(String key, String username, String fingerprint, Instant now) {
        db.sql("""
                INSERT INTO idempotency_key (idem_key, username, fingerprint, status, body, created_at)
                VALUES (:k, :u, :f, 0, '', :at)
                """)
                .param("k", key).param("u", username).param("f", fingerprint)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
    }

    void complete(String key, int status, String body) {
        db.sql("UPDATE idempotency_key SET status = :s, body = :b WHERE idem_key = :k")
                .param("s", status).param("b", body).param("k", key).update();
    }

    Optional<Stored> find(String key) {
        return db.sql("SELECT username, fingerprint, status, body FROM idempotency_key WHERE idem_key = :k")
                .param("k", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
                .optional();
    }
}
