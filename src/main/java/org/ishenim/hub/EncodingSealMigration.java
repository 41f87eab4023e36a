package org.ishenim.hub;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.ishenim.web.HubOnly;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V5_3 (hub only, run once with the master key): encrypts every encoding stored in clear before
 * encodings were encrypted at rest, in the migration's transaction, so no row is lost or left in clear. A value that
 * is not a plain encoding of {@code clk-bits} bits (a ciphertext already) is left as it is. The count is written to
 * the audit log ({@code audit_pending}, sealed into the chain like any entry); no encoding is.
 */
@Component
@HubOnly
class EncodingSealMigration implements JavaMigration {

    private static final int BATCH = 1_000;

    private final EncodingVault vault;
    private final int bytes;

    EncodingSealMigration(EncodingVault vault, @Value("${ishenim.hub.clk-bits:1024}") int bits) {
        this.vault = vault;
        this.bytes = bits / 8;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5.3");
    }

    @Override
    public String getDescription() {
        return "encrypt hub encodings at rest";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        migrate(context.getConnection());
    }

    /** Encrypts the rows still in clear; returns how many. */
    int migrate(Connection connection) throws Exception {
        record Row(String site, String reference, byte[] clk) {
        }
        List<Row> plain = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT site_code, reference, clk FROM hub_encoding")) {
            while (rs.next()) {
                byte[] clk = plainEncoding(rs.getString(3));
                if (clk != null) {
                    plain.add(new Row(rs.getString(1), rs.getString(2), clk));
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE hub_encoding SET clk = ? WHERE site_code = ? AND reference = ?")) {
            int pending = 0;
            for (Row row : plain) {
                update.setString(1, vault.seal(row.site(), row.reference(), row.clk()));
                update.setString(2, row.site());
                update.setString(3, row.reference());
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        if (!plain.isEmpty()) {
            try (PreparedStatement audit = connection.prepareStatement("""
                    INSERT INTO audit_pending (occurred_at, actor, actor_role, action, client_id, purpose, outcome)
                    VALUES (?, 'system', 'SYSTEM', 'hub.encodings.seal', NULL, ?, 'SUCCESS')
                    """)) {
                audit.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                audit.setString(2, plain.size() + " encodings stored in clear were encrypted at rest");
                audit.executeUpdate();
            }
        }
        return plain.size();
    }

    /** The bytes of a value stored in clear (base64 of exactly {@code clk-bits} bits), or null. */
    private byte[] plainEncoding(String stored) {
        try {
            byte[] decoded = Base64.getDecoder().decode(stored);
            return decoded.length == bytes ? decoded : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
