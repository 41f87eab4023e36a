package org.ishenim.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Everything the database holds, as text: every row of every table in the application's schema, and for H2
 * also its {@code SCRIPT} output. Used to prove that some text is nowhere in the database.
 */
public final class DatabaseDump {

    private DatabaseDump() {
    }

    public static String of(DataSource dataSource) {
        var out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (product.toLowerCase().contains("h2")) {
                try (ResultSet rs = s.executeQuery("SCRIPT")) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE LOWER(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')
                    """)) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        out.append(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            out.append(rs.getString(i)).append('|');
                        }
                        out.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
