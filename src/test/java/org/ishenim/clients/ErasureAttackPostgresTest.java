package org.ishenim.clients;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The attack on PostgreSQL: a server of its own (not the shared test server), so that its data directory, heap,
 * free space and pg_wal, holds this test's pages only and can be read whole.
 */
class ErasureAttackPostgresTest extends ErasureAttackContract {

    static final Path DATA = ErasureAttackH2Test.tempDir();
    static final Path PGDATA = DATA.resolve("pgdata");
    static EmbeddedPostgres server;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        server = EmbeddedPostgres.builder().setDataDirectory(PGDATA).setCleanDataDirectory(true).start();
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE ishenim");
        }
        registry.add("ishenim.data-dir", () -> DATA.resolve("clinic").toString());
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "ishenim"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Override
    List<Path> databaseDirectories() {
        String dir = db.sql("SHOW data_directory").query(String.class).single();
        if (!Files.isDirectory(Path.of(dir, "pg_wal"))) {
            throw new UncheckedIOException(new IOException("not a PostgreSQL data directory"));
        }
        return List.of(Path.of(dir));
    }

    @Override
    Path dataDirectory() {
        return DATA.resolve("clinic");
    }
}
