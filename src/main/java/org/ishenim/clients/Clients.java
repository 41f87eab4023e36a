package org.ishenim.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.ishenim.web.ClinicOnly;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ishenim.web.Utc;

/** The client table and its encrypted companions. Plain SQL, parameterised. */
@Repository
@ClinicOnly
class Clients {

    private final JdbcClient db;

    Clients(JdbcClient db) {
        this.db = db;
    }

    void insert(Client c) {
        db.sql("""
                INSERT INTO client (id, uic, uic_base, alias, alias_search, sex, birth_year, status, identity_state,
                                    enrolled_at, enrolled_by)
                VALUES (:id, :uic, :base, :alias, :search, :sex, :year, :status, :identity, :at, :by)
                """)
                .param("id", c.id().value()).param("uic", c.uic().value()).param("base", c.uic().base())
                .param("alias", c.alias()).param("search", c.alias().toLowerCase(Locale.ROOT))
                .param("sex", c.sex().name()).param("year", c.birthYear()).param("status", c.status().name())
                .param("identity", c.identityState().name()).param("at", Utc.of(c.enrolledAt()))
                .param("by", c.enrolledBy())
                .update();
    }

    List<String> uicsWithBase(String base) {
        return db.sql("SELECT uic FROM client WHERE uic_base = :base").param("base", base).query(String.class).list();
    }

    Optional<Client> find(ClientId id) {
        return db.sql("SELECT * FROM client WHERE id = :id").param("id", id.value()).query(Clients::client).optional();
    }

    /** UIC prefix or alias substring, case-insensitive; at most {@code limit} rows. */
    List<Client> search(String query, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return db.sql("""
                SELECT * FROM client
                WHERE LOWER(uic) LIKE :prefix ESCAPE '\\' OR alias_search LIKE :contains ESCAPE '\\'
                ORDER BY status, alias_search
                LIMIT :limit
                """)
                .param("prefix", like(q) + "%").param("contains", "%" + like(q) + "%").param("limit", limit)
                .query(Clients::client).list();
    }

    /**
     * The clients with these ids (an empty query) or those of them whose UIC starts with, or alias contains, the
     * query, case-insensitive; by alias, then UIC. One statement.
     */
    List<Client> among(Collection<ClientId> ids, String query) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return db.sql("""
                SELECT * FROM client
                WHERE id IN (:ids)
                  AND (:q = '' OR LOWER(uic) LIKE :prefix ESCAPE '\\' OR alias_search LIKE :contains ESCAPE '\\')
                ORDER BY alias_search, uic
                """)
                .param("ids", ids.stream().map(ClientId::value).toList())
                .param("q", q).param("prefix", like(q) + "%").param("contains", "%" + like(q) + "%")
                .query(Clients::client).list();
    }

    List<Client> enrolledBefore(java.time.Instant before) {
        return db.sql("SELECT * FROM client WHERE enrolled_at < :before ORDER BY uic")
                .param("before", Utc.of(before)).query(Clients::client).list();
    }

    List<ClientId> withStatus(ClientStatus status) {
        return db.sql("SELECT id FROM client WHERE status = :status ORDER BY uic").param("status", status.name())
                .query((rs, n) -> new ClientId(rs.getObject(1, UUID.class))).list();
    }

    long count() {
        return db.sql("SELECT COUNT(*) FROM client").query(Long.class).single();
    }

    void storeSealed(ClientId id, IdentityVault.Sealed sealed, String by, Instant at) {
        db.sql("INSERT INTO client_key (client_id, wrapped_key, shred_key_id) VALUES (:id, :key, :shred)")
                .param("id", id.value()).param("key", sealed.wrappedKey()).param("shred", sealed.shredKeyId()).update();
        db.sql("""
                INSERT INTO client_identity (client_id, ciphertext, consented_by, consented_at)
                VALUES (:id, :ct, :by, :at)
                """)
                .param("id", id.value()).param("ct", sealed.ciphertext()).param("by", by).param("at", Utc.of(at)).update();
    }

    Optional<IdentityVault.Sealed> sealed(ClientId id) {
        return db.sql("""
                SELECT k.wrapped_key, k.shred_key_id, i.ciphertext
                FROM client_key k JOIN client_identity i ON i.client_id = k.client_id
                WHERE k.client_id = :id
                """)
                .param("id", id.value())
                .query((rs, n) -> new IdentityVault.Sealed(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** A stored data key and the shred key that wraps it (null: the master key alone). */
    record WrappedKey(ClientId clientId, String wrappedKey, String shredKeyId) {
        @Override
        public String toString() {
            return "WrappedKey[redacted]";
        }
    }

    /** Every stored data key not wrapped by this shred key: the ones a rotation re-wraps. */
    List<WrappedKey> keysNotUnder(String shredKeyId) {
        return db.sql("""
                SELECT client_id, wrapped_key, shred_key_id FROM client_key
                WHERE shred_key_id IS NULL OR shred_key_id <> :shred
                """)
                .param("shred", shredKeyId)
                .query((rs, n) -> new WrappedKey(new ClientId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getString(3)))
                .list();
    }

    /** Replaces a data key's wrapping, unless the client was erased meanwhile (then nothing is written). */
    boolean rewrap(WrappedKey old, String wrappedKey, String shredKeyId) {
        String was = old.shredKeyId() == null ? "shred_key_id IS NULL" : "shred_key_id = :was";
        var sql = db.sql("UPDATE client_key SET wrapped_key = :key, shred_key_id = :shred WHERE client_id = :id AND "
                        + was)
                .param("key", wrappedKey).param("shred", shredKeyId).param("id", old.clientId().value());
        if (old.shredKeyId() != null) {
            sql = sql.param("was", old.shredKeyId());
        }
        return sql.update() == 1;
    }

    long keysUnder(String shredKeyId) {
        return db.sql("SELECT COUNT(*) FROM client_key WHERE shred_key_id = :shred").param("shred", shredKeyId)
                .query(Long.class).single();
    }

    /** Crypto-shredding: the data key goes, and with it any way to read the ciphertext, which goes too. */
    void shred(ClientId id, Instant at) {
        db.sql("DELETE FROM client_identity WHERE client_id = :id").param("id", id.value()).update();
        db.sql("DELETE FROM client_key WHERE client_id = :id").param("id", id.value()).update();
        db.sql("UPDATE client SET identity_state = 'ERASED', status = 'EXITED', exited_at = :at WHERE id = :id")
                .param("id", id.value()).param("at", Utc.of(at)).update();
    }

    private static String like(String q) {
        return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }


    static Client client(ResultSet rs, int row) throws SQLException {
        return new Client(new ClientId(rs.getObject("id", UUID.class)), new Uic(rs.getString("uic")),
                rs.getString("alias"), Sex.valueOf(rs.getString("sex")), rs.getInt("birth_year"),
                ClientStatus.valueOf(rs.getString("status")), IdentityState.valueOf(rs.getString("identity_state")),
                rs.getObject("enrolled_at", OffsetDateTime.class).toInstant(), rs.getString("enrolled_by"));
    }
}
